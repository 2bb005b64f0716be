using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.Logging;

/// <summary>
/// Queues warnings and errors for <see cref="ShopLogWriter"/> and writes every message to the console log at once.
/// A message repeated within <see cref="RepeatWindow"/> is queued once, and the next one after the window says how
/// many were left out, so a failure on every page view cannot flood the shop's Log table. The queue is bounded;
/// when it is full the console log still has the message. Exceptions are logged as <see cref="RedactedException"/>:
/// type, error code and stack trace, never their message.
/// </summary>
public sealed class ShopLog : IShopLog
{
    public const int CAPACITY = 1_000;
    public const int MAX_DISTINCT_MESSAGES = 1_000;
    public const string PREFIX = "Personalization: ";

    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(10);

    private sealed class Repeats
    {
        public DateTimeOffset LastQueuedAt;
        public int LeftOut;
    }

    private readonly Channel<ShopLogEntry> _queue = Channel.CreateBounded<ShopLogEntry>(
        new BoundedChannelOptions(CAPACITY) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly ILogger<ShopLog> _console;
    private readonly ConcurrentDictionary<string, Repeats> _recent = new();
    private readonly TimeProvider _timeProvider;

    public ShopLog(ILogger<ShopLog> console, TimeProvider timeProvider)
    {
        _console = console;
        _timeProvider = timeProvider;
    }

    public ChannelReader<ShopLogEntry> Entries => _queue.Reader;

    public void Information(string message)
    {
        _console.LogInformation("{Message}", PREFIX + message);
    }

    public void Warning(string message, Exception exception = null)
    {
        exception = RedactedException.Redact(exception);
        _console.LogWarning(exception, "{Message}", PREFIX + message);
        Queue(isError: false, message, exception);
    }

    public void Error(string message, Exception exception = null)
    {
        exception = RedactedException.Redact(exception);
        _console.LogError(exception, "{Message}", PREFIX + message);
        Queue(isError: true, message, exception);
    }

    private void Queue(bool isError, string message, Exception exception)
    {
        if (_recent.Count > MAX_DISTINCT_MESSAGES)
            _recent.Clear();

        var now = _timeProvider.GetUtcNow();
        var repeats = _recent.GetOrAdd((isError ? "E" : "W") + message, _ => new Repeats { LastQueuedAt = DateTimeOffset.MinValue });
        int leftOut;
        lock (repeats)
        {
            if (now - repeats.LastQueuedAt < RepeatWindow)
            {
                repeats.LeftOut++;
                return;
            }

            leftOut = repeats.LeftOut;
            repeats.LeftOut = 0;
            repeats.LastQueuedAt = now;
        }

        var text = leftOut > 0 ? $"{PREFIX}{message} (the same message {leftOut} more time(s) before this one, not logged separately)" : PREFIX + message;
        _queue.Writer.TryWrite(new ShopLogEntry(isError, text, exception));
    }
}
