using System.Collections.Concurrent;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// Remembers, per (customer, GDPR consent), the customer's latest answer for a short while: the answer is a GdprLog
/// read that nopCommerce does not cache, and the consent check runs on every captured interaction. A new GdprLog
/// row drops the entry at once on this node (<see cref="GdprLogConsumer"/>); other nodes follow within the lifetime.
/// </summary>
public sealed class GdprConsentAnswers
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>Beyond this many entries, expired ones are swept out (all, if none has expired) before adding more.</summary>
    public const int SWEEP_THRESHOLD = 20_000;

    private readonly ConcurrentDictionary<(int CustomerId, int ConsentId), Entry> _entries = new();
    private readonly TimeProvider _timeProvider;

    public GdprConsentAnswers(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    public int Count => _entries.Count;

    /// <param name="read">Reads the answer from the database: true agreed, false refused, null never answered.</param>
    public async Task<bool?> GetAsync(int customerId, int consentId, Func<Task<bool?>> read)
    {
        var now = _timeProvider.GetUtcNow();
        if (_entries.TryGetValue((customerId, consentId), out var entry) && entry.ExpiresAt > now)
            return entry.Accepted;

        var accepted = await read();
        if (_entries.Count >= SWEEP_THRESHOLD)
            Sweep(now);
        //still full of live answers: start over rather than sweep on every read
        if (_entries.Count >= SWEEP_THRESHOLD)
            _entries.Clear();
        _entries[(customerId, consentId)] = new Entry(accepted, now + Lifetime);

        return accepted;
    }

    public void Forget(int customerId, int consentId) => _entries.TryRemove((customerId, consentId), out _);

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
                _entries.TryRemove(key, out _);
        }
    }

    private readonly record struct Entry(bool? Accepted, DateTimeOffset ExpiresAt);
}
