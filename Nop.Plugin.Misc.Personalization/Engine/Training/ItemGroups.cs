using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// Sets of distinct items (a customer's interests or an order's lines) in compressed rows; each group's items are
/// sorted ascending, which lets pair counting visit every unordered pair once.
/// </summary>
internal sealed class ItemGroups
{
    private ItemGroups(int[] offsets, int[] items, long[] ticks)
    {
        Offsets = offsets;
        Items = items;
        Ticks = ticks;
    }

    public int[] Offsets { get; }

    /// <summary>The groups' items; the array may be longer than <see cref="PositionCount"/> (sized before grouping).</summary>
    public int[] Items { get; }

    /// <summary>How many positions of <see cref="Items"/> the groups use.</summary>
    public int PositionCount => Offsets[^1];

    /// <summary>When each group happened (an order's time, a customer's latest event).</summary>
    public long[] Ticks { get; }
    public int Count => Offsets.Length - 1;

    /// <summary>
    /// Each customer's most recent distinct products with positive evidence, at most <paramref name="maxPerCustomer"/> and
    /// (when <paramref name="windowDays"/> &gt; 0) only those within that many days of the customer's latest event.
    /// </summary>
    public static ItemGroups CustomerInterests(TrainingData data, int maxPerCustomer, double windowDays)
    {
        var window = windowDays > 0 ? (long)(windowDays * TimeSpan.TicksPerDay) : long.MaxValue;
        // sized up front (at most every event, at most maxPerCustomer per customer): no list growth and no final copy
        var offsets = new int[data.CustomerCount + 1];
        var items = new int[(int)Math.Min(data.EventCount, (long)data.CustomerCount * maxPerCustomer)];
        var ticks = new long[data.CustomerCount];
        var stamp = new int[data.ItemCount];
        Array.Fill(stamp, -1);
        var count = 0;
        for (var c = 0; c < data.CustomerCount; c++)
        {
            var start = count;
            var last = data.CustomerOffsets[c + 1] > data.CustomerOffsets[c] ? data.Ticks[data.CustomerOffsets[c + 1] - 1] : 0;
            for (var e = data.CustomerOffsets[c + 1] - 1; e >= data.CustomerOffsets[c] && count - start < maxPerCustomer; e--)
            {
                if (last - data.Ticks[e] > window)
                    break;
                var item = data.Item[e];
                if (data.Weight[e] <= 0 || stamp[item] == c)
                    continue;
                stamp[item] = c;
                items[count++] = item;
            }
            items.AsSpan(start, count - start).Sort();
            offsets[c + 1] = count;
            if (data.CustomerOffsets[c + 1] > data.CustomerOffsets[c])
                ticks[c] = data.Ticks[data.CustomerOffsets[c + 1] - 1];
        }
        return new ItemGroups(offsets, items, ticks);
    }

    /// <summary>The distinct products of every order; purchases without an order id group by customer and instant.</summary>
    public static ItemGroups Orders(TrainingData data)
    {
        // items: at most one per purchase, sized up front (no list growth, no final copy); the order count is not known
        // before grouping, so offsets and times grow
        var purchases = 0;
        for (var e = 0; e < data.EventCount; e++)
            purchases += data.Type[e] == (byte)InteractionType.Purchase ? 1 : 0;
        var items = new int[purchases];
        var itemCount = 0;
        var offsets = new List<int>(data.CustomerCount + 1) { 0 };
        var ticks = new List<long>(data.CustomerCount + 1);
        var lines = new int[16];
        long KeyOf(int e) => data.Order[e] != 0 ? data.Order[e] : -1 - data.Ticks[e];
        Comparison<int> byOrder = (x, y) =>
        {
            var r = KeyOf(x).CompareTo(KeyOf(y));
            if (r != 0)
                return r;
            r = data.Item[x].CompareTo(data.Item[y]);
            return r != 0 ? r : data.Ticks[x].CompareTo(data.Ticks[y]);
        };
        for (var c = 0; c < data.CustomerCount; c++)
        {
            var count = 0;
            for (var e = data.CustomerOffsets[c]; e < data.CustomerOffsets[c + 1]; e++)
            {
                if (data.Type[e] != (byte)InteractionType.Purchase)
                    continue;
                if (count == lines.Length)
                    Array.Resize(ref lines, lines.Length * 2);
                lines[count++] = e;
            }
            if (count == 0)
                continue;
            // events are in time order, so lines are usually in (order, item) order already
            var span = lines.AsSpan(0, count);
            var sorted = true;
            for (var i = 1; i < count && sorted; i++)
                sorted = byOrder(span[i - 1], span[i]) <= 0;
            if (!sorted)
                span.Sort(byOrder);
            for (var i = 0; i < count; i++)
            {
                var e = span[i];
                var sameOrder = i > 0 && KeyOf(e) == KeyOf(span[i - 1]);
                if (!sameOrder)
                {
                    if (i > 0)
                        offsets.Add(itemCount);
                    ticks.Add(data.Ticks[e]);
                }
                else if (data.Item[e] == data.Item[span[i - 1]])
                    continue;
                items[itemCount++] = data.Item[e];
            }
            offsets.Add(itemCount);
        }
        return new ItemGroups(offsets.ToArray(), items, ticks.ToArray());
    }

    /// <summary>
    /// For every item, the positions in <see cref="Items"/> where it occurs (ascending, so by group), and how many.
    /// </summary>
    public (int[] Offsets, int[] Positions) InvertPositions(int itemCount)
    {
        var offsets = new int[itemCount + 1];
        foreach (var item in Items.AsSpan(0, PositionCount))
            offsets[item + 1]++;
        for (var i = 0; i < itemCount; i++)
            offsets[i + 1] += offsets[i];
        var cursor = (int[])offsets.Clone();
        var positions = new int[PositionCount];
        for (var q = 0; q < positions.Length; q++)
            positions[cursor[Items[q]]++] = q;
        return (offsets, positions);
    }

    /// <summary>The group of every position in <see cref="Items"/>.</summary>
    public int[] GroupOfPositions()
    {
        var groupOf = new int[PositionCount];
        for (var g = 0; g < Count; g++)
            groupOf.AsSpan(Offsets[g], Offsets[g + 1] - Offsets[g]).Fill(g);
        return groupOf;
    }
}
