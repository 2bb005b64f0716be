using Nop.Plugin.Misc.Personalization.Engine.Models;

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// One store's (or the installation's) events as dense item indices, grouped by customer and sorted by time inside each
/// customer, so every model can walk customer histories without hashing.
/// </summary>
internal sealed class TrainingData
{
    private TrainingData(int itemCount, int customerCount, int[] customerOffsets, int[] item, byte[] type, long[] ticks, int[] order, float[] weight,
        bool hasAnonymous)
    {
        HasAnonymous = hasAnonymous;
        ItemCount = itemCount;
        CustomerCount = customerCount;
        CustomerOffsets = customerOffsets;
        Item = item;
        Type = type;
        Ticks = ticks;
        Order = order;
        Weight = weight;
    }

    /// <summary>
    /// Customer index 0 holds the anonymous events (customer id 0): visitors nobody may identify, pooled. They count for
    /// the anonymous aggregates only, never as one customer's history.
    /// </summary>
    public bool HasAnonymous { get; }

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

    /// <summary>
    /// Puts the element at <c>source[k]</c> at position k of each column, in place, cycle by cycle; the entries of
    /// <paramref name="source"/> are destroyed (marked as visited).
    /// </summary>
    private static void Reorder(int[] source, int[] item, byte[] type, long[] ticks, int[] order)
    {
        for (var start = 0; start < source.Length; start++)
        {
            if (source[start] < 0)
                continue;
            var (heldItem, heldType, heldTicks, heldOrder) = (item[start], type[start], ticks[start], order[start]);
            var k = start;
            while (true)
            {
                var from = source[k];
                source[k] = -1;
                if (from == start)
                {
                    (item[k], type[k], ticks[k], order[k]) = (heldItem, heldType, heldTicks, heldOrder);
                    break;
                }
                (item[k], type[k], ticks[k], order[k]) = (item[from], type[from], ticks[from], order[from]);
                k = from;
            }
        }
    }

    /// <param name="storeId">0 = every store.</param>
    /// <param name="identifiedOnly">Leaves the anonymous events (customer 0) out: for everything personal.</param>
    /// <param name="consumeEvents">
    /// The caller no longer reads <paramref name="events"/>: their columns may be reordered and become the data's own.
    /// </param>
    public static TrainingData Build(EventColumns events, ItemCatalog catalog, int storeId, InteractionWeights weights, bool consumeEvents = false,
        bool identifiedOnly = false)
    {
        // item index of each kept event, -1 for events left out (another store, a product outside the catalog)
        var itemOf = new int[events.Count];
        var customerIds = new HashSet<int>();
        var lastCustomer = 0;
        var keptCount = 0;
        for (var e = 0; e < events.Count; e++)
        {
            var item = (storeId != 0 && events.Store[e] != storeId) || (identifiedOnly && events.Customer[e] == 0) ? -1 : catalog.IndexOf(events.Product[e]);
            itemOf[e] = item;
            if (item < 0)
                continue;
            // callers usually pass events grouped by customer: skip the hash for runs of one customer
            if (keptCount++ == 0 || events.Customer[e] != lastCustomer)
            {
                lastCustomer = events.Customer[e];
                customerIds.Add(lastCustomer);
            }
        }

        var customers = customerIds.ToArray();
        Array.Sort(customers);
        // ids are never negative: the anonymous "customer" sorts first
        var hasAnonymous = customers.Length > 0 && customers[0] == 0;
        var customerIndex = new Dictionary<int, int>(customers.Length);
        for (var c = 0; c < customers.Length; c++)
            customerIndex[customers[c]] = c;

        // counting sort by customer, then by (time, item, type, order) inside each customer: the result does not depend
        // on the order the caller enumerated the events in. The customer of an event is looked up twice (count, then
        // place) rather than stored, which is cheap for runs of one customer and saves an array per event.
        var offsets = new int[customers.Length + 1];
        var lastIndex = -1;
        for (var e = 0; e < events.Count; e++)
        {
            if (itemOf[e] < 0)
                continue;
            var customer = events.Customer[e];
            if (lastIndex < 0 || customer != lastCustomer)
            {
                lastCustomer = customer;
                lastIndex = customerIndex[customer];
            }
            offsets[lastIndex + 1]++;
        }
        for (var c = 0; c < customers.Length; c++)
            offsets[c + 1] += offsets[c];
        var cursor = (int[])offsets.Clone();
        var sorted = new int[keptCount];
        lastIndex = -1;
        for (var e = 0; e < events.Count; e++)
        {
            if (itemOf[e] < 0)
                continue;
            var customer = events.Customer[e];
            if (lastIndex < 0 || customer != lastCustomer)
            {
                lastCustomer = customer;
                lastIndex = customerIndex[customer];
            }
            sorted[cursor[lastIndex]++] = e;
        }

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
        var weight = new float[n];
        // a caller that is done with the events lets their columns be reordered in place and kept (when every event is
        // kept, so the columns have exactly the data's length) instead of copied
        if (consumeEvents && n == events.Count && events.Ticks.Length == n && events.Type.Length == n && events.Order.Length == n)
        {
            Reorder(sorted, itemOf, events.Type, events.Ticks, events.Order);
            for (var k = 0; k < n; k++)
                weight[k] = (float)weights[(Interactions.InteractionType)events.Type[k]];
            return new TrainingData(catalog.Count, customers.Length, offsets, itemOf, events.Type, events.Ticks, events.Order, weight, hasAnonymous);
        }
        var items = new int[n];
        var types = new byte[n];
        var ticks = new long[n];
        var orders = new int[n];
        for (var k = 0; k < n; k++)
        {
            var e = sorted[k];
            items[k] = itemOf[e];
            types[k] = events.Type[e];
            ticks[k] = events.Ticks[e];
            orders[k] = events.Order[e];
            weight[k] = (float)weights[(Interactions.InteractionType)events.Type[e]];
        }
        return new TrainingData(catalog.Count, customers.Length, offsets, items, types, ticks, orders, weight, hasAnonymous);
    }
}
