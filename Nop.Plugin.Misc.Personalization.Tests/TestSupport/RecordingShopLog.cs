using System.Collections.Concurrent;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport;

/// <summary>
/// Keeps what the plugin tells the shop owner, so tests can check that a failure is reported (and how often).
/// </summary>
public sealed class RecordingShopLog : IShopLog
{
    public enum Level
    {
        Information,
        Warning,
        Error
    }

    public sealed record Entry(Level Level, string Message, Exception Exception);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => _entries.ToList();

    public IReadOnlyList<Entry> Errors => Of(Level.Error);

    public IReadOnlyList<Entry> Warnings => Of(Level.Warning);

    public IReadOnlyList<Entry> Informations => Of(Level.Information);

    public void Information(string message) => _entries.Enqueue(new Entry(Level.Information, message, null));

    public void Warning(string message, Exception exception = null) => _entries.Enqueue(new Entry(Level.Warning, message, exception));

    public void Error(string message, Exception exception = null) => _entries.Enqueue(new Entry(Level.Error, message, exception));

    private IReadOnlyList<Entry> Of(Level level) => _entries.Where(entry => entry.Level == level).ToList();
}
