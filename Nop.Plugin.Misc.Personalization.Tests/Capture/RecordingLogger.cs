using Microsoft.Extensions.Logging;

namespace Nop.Plugin.Misc.Personalization.Tests.Capture;

/// <summary>
/// Keeps what was logged, to check what the writer says happened.
/// </summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly object _lock = new();
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_lock)
                return _entries.ToList();
        }
    }

    public IDisposable BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception exception, Func<TState, Exception, string> formatter)
    {
        lock (_lock)
            _entries.Add((logLevel, formatter(state, exception)));
    }
}
