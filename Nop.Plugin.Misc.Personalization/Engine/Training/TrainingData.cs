using Nop.Plugin.Misc.Personalization.Engine.Models;

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// One store's (or the installation's) events as dense item indices, grouped by customer and sorted by time inside each
/// customer, so every model can walk customer histories without hashing.
/// </summary>
internal sealed class TrainingData
{
    private TrainingData(int itemCount, int customerCount, int[] customerOffsets, int[] item, byte[] type, long[] ticks, int[] order, float[] weight)
    {
        ItemCount = itemCount;
        CustomerCount = customerCount;
        CustomerOffsets = customerOffsets;
        Item = item;
        Type = type;
        Ticks = ticks;
        Order = order;
        Weight = weight;
    }

    public int ItemCount { get; }
    public int CustomerCount { get; }
    public int[] CustomerOffsets { get; }
    public int[] Item { get; }
    public byte[] Type { get; }
    public long[] Ticks { get; }
    public int[] Order { get; }

    /// <summary>The interaction-type weight of each event.</summary>
    public float[] Weight { get; }

    public int EventCount => Item.Length;

    /// <summary>Time span of the events in days (0 without events).</summary>
    public double SpanDays()
    {
        if (Ticks.Length == 0)
            return 0;
        long min = long.MaxValue, max = long.MinValue;
        foreach (var t in Ticks)
        {
            min = Math.Min(min, t);
            max = Math.Max(max, t);
        }
        return (max - min) / (double)TimeSpan.TicksPerDay;
    }

    private static bool IsSorted(ReadOnlySpan<int> span, Comparison<int> comparison)
    {
        for (var k = 1; k < span.Length; k++)
        {
            if (comparison(span[k - 1], span[k]) > 0)
                return false;
        }
        return true;
    }

    /// <param name="storeId">0 = every store.</param>
    public static TrainingData Build(EventColumns events, ItemCatalog catalog, int storeId, InteractionWeights weights)
    {
        var kept = new List<int>(storeId == 0 ? events.Count : events.Count / 2);
        var itemOf = new int[events.Count];
        var customerIds = new HashSet<int>();
        var lastCustomer = 0;
        for (var e = 0; e < events.Count; e++)
        {
            if (storeId != 0 && events.Store[e] != storeId)
                continue;
            var item = catalog.IndexOf(events.Product[e]);
            if (item < 0)
                continue;
            itemOf[e] = item;
            kept.Add(e);
            // callers usually pass events grouped by customer: skip the hash for runs of one customer
            if (kept.Count == 1 || events.Customer[e] != lastCustomer)
            {
                lastCustomer = events.Customer[e];
                customerIds.Add(lastCustomer);
            }
        }

        var customers = customerIds.ToArray();
        Array.Sort(customers);
        var customerIndex = new Dictionary<int, int>(customers.Length);
        for (var c = 0; c < customers.Length; c++)
            customerIndex[customers[c]] = c;

        // counting sort by customer, then by (time, item, type, order) inside each customer: the result does not depend
        // on the order the caller enumerated the events in
        var offsets = new int[customers.Length + 1];
        var customerOfKept = new int[kept.Count];
        var lastIndex = -1;
        for (var k = 0; k < kept.Count; k++)
        {
            var customer = events.Customer[kept[k]];
            if (lastIndex < 0 || customer != lastCustomer)
            {
                lastCustomer = customer;
                lastIndex = customerIndex[customer];
            }
            var c = lastIndex;
            customerOfKept[k] = c;
            offsets[c + 1]++;
        }
        for (var c = 0; c < customers.Length; c++)
            offsets[c + 1] += offsets[c];
        var cursor = (int[])offsets.Clone();
        var sorted = new int[kept.Count];
        for (var k = 0; k < kept.Count; k++)
            sorted[cursor[customerOfKept[k]]++] = kept[k];

        Comparison<int> byTime = (a, b) =>
        {
            var r = events.Ticks[a].CompareTo(events.Ticks[b]);
            if (r != 0)
                return r;
            r = itemOf[a].CompareTo(itemOf[b]);
            if (r != 0)
                return r;
            r = events.Type[a].CompareTo(events.Type[b]);
            return r != 0 ? r : events.Order[a].CompareTo(events.Order[b]);
        };
        for (var c = 0; c < customers.Length; c++)
        {
            var span = sorted.AsSpan(offsets[c], offsets[c + 1] - offsets[c]);
            if (!IsSorted(span, byTime))
                span.Sort(byTime);
        }

        var n = sorted.Length;
        var items = new int[n];
        var types = new byte[n];
        var ticks = new long[n];
        var orders = new int[n];
        var weight = new float[n];
        for (var k = 0; k < n; k++)
        {
            var e = sorted[k];
            items[k] = itemOf[e];
            types[k] = events.Type[e];
            ticks[k] = events.Ticks[e];
            orders[k] = events.Order[e];
            weight[k] = (float)weights[(Interactions.InteractionType)events.Type[e]];
        }
        return new TrainingData(catalog.Count, customers.Length, offsets, items, types, ticks, orders, weight);
    }
}
