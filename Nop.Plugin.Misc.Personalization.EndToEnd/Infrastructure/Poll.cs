using System.Diagnostics;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

/// <summary>
/// Explicit waits: ask again every interval until the answer is good or the time is up, then fail with what was last seen.
/// </summary>
public static class Poll
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(500);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> good, TimeSpan timeout, string what,
        TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        T last = default;
        Exception lastError = null;
        while (true)
        {
            try
            {
                last = await read();
                lastError = null;
                if (good(last))
                    return last;
            }
            catch (Exception exception) when (exception is not AssertionException)
            {
                lastError = exception;
            }

            if (clock.Elapsed >= timeout)
            {
                var seen = lastError != null ? $"last error: {lastError.GetType().Name}: {lastError.Message}" : $"last seen: {Describe(last)}";
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what} ({seen})");
            }

            await Task.Delay(interval ?? DefaultInterval);
        }
    }

    public static T Until<T>(Func<T> read, Func<T, bool> good, TimeSpan timeout, string what, TimeSpan? interval = null) =>
        UntilAsync(() => Task.FromResult(read()), good, timeout, what, interval).GetAwaiter().GetResult();

    private static string Describe(object value) => value switch
    {
        null => "nothing",
        System.Collections.IEnumerable list and not string => $"[{string.Join(", ", list.Cast<object>().Take(20))}]",
        _ => value.ToString()
    };
}
