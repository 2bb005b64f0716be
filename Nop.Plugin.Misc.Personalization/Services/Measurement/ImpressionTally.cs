using System.Collections.Concurrent;

namespace Nop.Plugin.Misc.Personalization.Services.Measurement;

/// <summary>
/// Impressions counted in memory per store, placement and UTC day, until <see cref="ImpressionFlusher"/> adds them to
/// the database. Bounded by the number of placements times the days not yet flushed, whatever the traffic; a failed
/// flush hands its counts back, so nothing is lost while the database is away.
/// </summary>
public sealed class ImpressionTally
{
    private readonly ConcurrentDictionary<ImpressionKey, Counts> _counts = new();

    public void Record(int storeId, int placementId, int productsShown, DateTime utcNow)
    {
        var counts = _counts.GetOrAdd(new ImpressionKey(storeId, placementId, utcNow.Date), static _ => new Counts());
        Interlocked.Increment(ref counts.Renders);
        Interlocked.Add(ref counts.ProductsShown, productsShown);
    }

    /// <summary>
    /// Everything counted since the last take, leaving zeros behind. A day before <paramref name="today"/> is forgotten
    /// at the first take that finds nothing new for it, so the tally does not grow with time and a render counted just
    /// before midnight still reaches the next take.
    /// </summary>
    public IReadOnlyList<ImpressionDelta> Take(DateTime today)
    {
        var taken = new List<ImpressionDelta>();
        foreach (var (key, counts) in _counts)
        {
            //a render counted between the two exchanges shows up in the next take, with its products
            var renders = Interlocked.Exchange(ref counts.Renders, 0);
            var products = Interlocked.Exchange(ref counts.ProductsShown, 0);
            if (renders != 0 || products != 0)
                taken.Add(new ImpressionDelta(key, renders, products));
            else if (key.DayUtc < today.Date)
                _counts.TryRemove(key, out _);
        }

        return taken;
    }

    public int KeyCount => _counts.Count;

    /// <summary>
    /// Counts a flush could not store, back for the next one.
    /// </summary>
    public void Return(IEnumerable<ImpressionDelta> deltas)
    {
        foreach (var delta in deltas)
        {
            var counts = _counts.GetOrAdd(delta.Key, static _ => new Counts());
            Interlocked.Add(ref counts.Renders, delta.Renders);
            Interlocked.Add(ref counts.ProductsShown, delta.ProductsShown);
        }
    }

    private sealed class Counts
    {
        public int Renders;
        public long ProductsShown;
    }
}

public readonly record struct ImpressionKey(int StoreId, int PlacementId, DateTime DayUtc);

public sealed record ImpressionDelta(ImpressionKey Key, int Renders, long ProductsShown);
