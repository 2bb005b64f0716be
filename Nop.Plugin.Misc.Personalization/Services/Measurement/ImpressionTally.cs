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
        var counts = CountsOf(storeId, placementId, utcNow);
        Interlocked.Increment(ref counts.Renders);
        Interlocked.Add(ref counts.ProductsShown, productsShown);
    }

    /// <summary>A render of the placement that showed nothing for too few products.</summary>
    public void RecordHidden(int storeId, int placementId, DateTime utcNow) =>
        Interlocked.Increment(ref CountsOf(storeId, placementId, utcNow).HiddenRenders);

    /// <summary>A render of the zone the placement is in, whatever the placement then showed.</summary>
    public void RecordZone(int storeId, int placementId, DateTime utcNow) =>
        Interlocked.Increment(ref CountsOf(storeId, placementId, utcNow).ZoneRenders);

    private Counts CountsOf(int storeId, int placementId, DateTime utcNow) =>
        _counts.GetOrAdd(new ImpressionKey(storeId, placementId, utcNow.Date), static _ => new Counts());

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
            var hidden = Interlocked.Exchange(ref counts.HiddenRenders, 0);
            var zone = Interlocked.Exchange(ref counts.ZoneRenders, 0);
            if (renders != 0 || products != 0 || hidden != 0 || zone != 0)
                taken.Add(new ImpressionDelta(key, renders, products, hidden, zone));
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
            Interlocked.Add(ref counts.HiddenRenders, delta.HiddenRenders);
            Interlocked.Add(ref counts.ZoneRenders, delta.ZoneRenders);
        }
    }

    private sealed class Counts
    {
        public int Renders;
        public long ProductsShown;
        public int HiddenRenders;
        public int ZoneRenders;
    }
}

public readonly record struct ImpressionKey(int StoreId, int PlacementId, DateTime DayUtc);

public sealed record ImpressionDelta(ImpressionKey Key, int Renders, long ProductsShown, int HiddenRenders = 0, int ZoneRenders = 0);
