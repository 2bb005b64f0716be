using System.Collections.Concurrent;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// Customers erased recently, as this node knows them, with the moment of erasure: the event writer drops their
/// events still queued from before it. Events the customer causes afterwards (a shopper who erased their data and
/// shops on) are kept.
/// </summary>
public sealed class ErasedCustomers
{
    private readonly ConcurrentDictionary<int, DateTime> _erasedOnUtc = new();

    public int Count => _erasedOnUtc.Count;

    public void Add(int customerId, DateTime erasedOnUtc) =>
        _erasedOnUtc.AddOrUpdate(customerId, erasedOnUtc, (_, known) => known > erasedOnUtc ? known : erasedOnUtc);

    /// <summary>Whether something the customer did at <paramref name="createdOnUtc"/> was erased.</summary>
    public bool Covers(int customerId, DateTime createdOnUtc) =>
        !_erasedOnUtc.IsEmpty && _erasedOnUtc.TryGetValue(customerId, out var erasedOnUtc) && createdOnUtc <= erasedOnUtc;

    /// <summary>Forgets erasures older than <paramref name="cutoffUtc"/>; the daily sweep covers anything later.</summary>
    public void Prune(DateTime cutoffUtc)
    {
        foreach (var (customerId, erasedOnUtc) in _erasedOnUtc)
        {
            if (erasedOnUtc < cutoffUtc)
                _erasedOnUtc.TryRemove(KeyValuePair.Create(customerId, erasedOnUtc));
        }
    }
}
