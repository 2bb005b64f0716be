namespace Nop.Plugin.Misc.Personalization.Services.Events;

/// <summary>
/// Running totals since the application started; read by the admin page and logged by the writer.
/// </summary>
public sealed class EventSinkCounters
{
    private long _accepted;
    private long _dropped;
    private long _written;
    private long _lostOnShutdown;
    private long _failedWrites;
    private long _rejected;

    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Refused because the buffer was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public long Written => Interlocked.Read(ref _written);

    /// <summary>Still unwritten when the application stopped: the database was unreachable, or storing failed otherwise.</summary>
    public long LostOnShutdown => Interlocked.Read(ref _lostOnShutdown);

    public long FailedWrites => Interlocked.Read(ref _failedWrites);

    /// <summary>Rows the database refused on every try while it was reachable (e.g. text it cannot store); dropped.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    internal void OnAccepted() => Interlocked.Increment(ref _accepted);

    internal void OnDropped() => Interlocked.Increment(ref _dropped);

    internal void OnWritten(int count) => Interlocked.Add(ref _written, count);

    internal void OnLostOnShutdown(int count) => Interlocked.Add(ref _lostOnShutdown, count);

    internal void OnFailedWrite() => Interlocked.Increment(ref _failedWrites);

    internal void OnRejected(int count) => Interlocked.Add(ref _rejected, count);
}
