using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// Sequential complements: for product A, the products B its buyers bought later (another order, within the window)
/// after their first purchase of A. Each customer counts once per pair; the lag of the first such B is kept and the
/// table stores its median per pair.
/// </summary>
internal static class SequentialBuilder
{
    public static NeighbourTable Build(TrainingData data, TrainingOptions options, DateTime nowUtc)
    {
        var itemCount = data.ItemCount;
        var nowTicks = nowUtc.Ticks;
        var k = options.NeighbourCount;
        var window = (long)(options.SequentialWindowDays * TimeSpan.TicksPerDay);
        var maxScan = options.MaxProductsPerCustomer;

        // purchases per customer in time order
        var offsets = new int[data.CustomerCount + 1];
        var count = 0;
        for (var e = 0; e < data.EventCount; e++)
        {
            if (data.Type[e] == (byte)InteractionType.Purchase)
                count++;
        }
        var item = new int[count];
        var ticks = new long[count];
        var order = new int[count];
        var p = 0;
        for (var c = 0; c < data.CustomerCount; c++)
        {
            for (var e = data.CustomerOffsets[c]; e < data.CustomerOffsets[c + 1]; e++)
            {
                if (data.Type[e] != (byte)InteractionType.Purchase)
                    continue;
                item[p] = data.Item[e];
                ticks[p] = data.Ticks[e];
                order[p] = data.Order[e];
                p++;
            }
            offsets[c + 1] = p;
        }

        // each buyer's first purchase of each product, grouped by product (customers ascending inside a product: they
        // are found in customer order and placed by a stable counting sort)
        var buyers = new int[itemCount];
        var stamp = new int[itemCount];
        Array.Fill(stamp, -1);
        var firstPositions = new List<int>();
        var purchasingCustomers = 0;
        for (var c = 0; c < data.CustomerCount; c++)
        {
            if (offsets[c + 1] > offsets[c])
                purchasingCustomers++;
            for (var q = offsets[c]; q < offsets[c + 1]; q++)
            {
                if (stamp[item[q]] == c)
                    continue;
                stamp[item[q]] = c;
                buyers[item[q]]++;
                firstPositions.Add(q);
            }
        }
        var customerOfPosition = new int[count];
        for (var c = 0; c < data.CustomerCount; c++)
            customerOfPosition.AsSpan(offsets[c], offsets[c + 1] - offsets[c]).Fill(c);

        // a customer's purchases are in time order: the scan after a purchase starts past the purchases at the same
        // instant (they never count as "later")
        var laterFrom = new int[count];
        for (var c = 0; c < data.CustomerCount; c++)
        {
            for (var q = offsets[c + 1] - 1; q >= offsets[c]; q--)
                laterFrom[q] = q + 1 < offsets[c + 1] && ticks[q + 1] == ticks[q] ? laterFrom[q + 1] : q + 1;
        }
        var rowOffsets = new int[itemCount + 1];
        for (var i = 0; i < itemCount; i++)
            rowOffsets[i + 1] = rowOffsets[i] + buyers[i];
        var firsts = new int[firstPositions.Count];
        var rowCursor = (int[])rowOffsets.Clone();
        foreach (var q in firstPositions)
            firsts[rowCursor[item[q]]++] = q;

        var packer = new RowPacker(itemCount, true);
        var scorer = new PairScorer(options.Sequential, buyers, purchasingCustomers);

        void Rows(int first, int stride)
        {
            var slots = new Slot[itemCount];
            var keptRank = new int[itemCount];
            Array.Fill(keptRank, -1);
            var visit = 0;
            var touched = new List<int>();
            var kept = new List<long>();
            var lags = new long[1024];
            var top = new TopK(k);
            var rowItems = new int[k];
            var rowScores = new double[k];
            var rowSupport = new float[k];
            var rowLags = new float[k];
            for (var a = first; a < itemCount; a += stride)
            {
                // how many buyers of A bought each B later, weighted by the age of their purchase of A; the lag of each
                // buyer's first B is noted on the way for the medians of the kept neighbours
                var lagCount = 0;
                for (var r = rowOffsets[a]; r < rowOffsets[a + 1]; r++)
                {
                    var position = firsts[r];
                    var customer = customerOfPosition[position];
                    visit++;
                    var w = options.Sequential.HalfLifeDays > 0 ? Math.Pow(2, -(nowTicks - ticks[position]) / (options.Sequential.HalfLifeDays * TimeSpan.TicksPerDay)) : 1;
                    var start = ticks[position];
                    var limit = start + window;
                    var startOrder = order[position];
                    var end = Math.Min(offsets[customer + 1], position + 1 + maxScan);
                    if (lags.Length - lagCount < end - position)
                        Array.Resize(ref lags, Math.Max(lags.Length * 2, lagCount + end - position));
                    for (var q = laterFrom[position]; q < end && ticks[q] <= limit; q++)
                    {
                        var b = item[q];
                        if (b == a || (startOrder != 0 && order[q] == startOrder))
                            continue;
                        ref var slot = ref slots[b];
                        if (slot.Mark == visit)
                            continue;
                        slot.Mark = visit;
                        slot.Weighted += w;
                        if (slot.Count++ == 0)
                            touched.Add(b);
                        lags[lagCount++] = ((long)b << 32) | (uint)BitConverter.SingleToInt32Bits((float)((ticks[q] - start) / (double)TimeSpan.TicksPerDay));
                    }
                }
                top.Reset(k);
                foreach (var b in touched)
                {
                    if (slots[b].Count >= options.Sequential.MinSupport)
                        top.Offer(b, scorer.Score(a, b, slots[b].Weighted));
                }
                var n = top.Drain(rowItems, rowScores);
                for (var r = 0; r < n; r++)
                {
                    keptRank[rowItems[r]] = r;
                    rowSupport[r] = slots[rowItems[r]].Count;
                }
                foreach (var b in touched)
                {
                    slots[b].Count = 0;
                    slots[b].Weighted = 0;
                }
                touched.Clear();

                if (n > 0)
                {
                    kept.Clear();
                    foreach (var entry in lags.AsSpan(0, lagCount))
                    {
                        var rank = keptRank[(int)(entry >> 32)];
                        if (rank >= 0)
                            kept.Add(((long)rank << 32) | (entry & 0xFFFFFFFF));
                    }
                    kept.Sort();
                    var s = 0;
                    while (s < kept.Count)
                    {
                        var e = s;
                        var rank = (int)(kept[s] >> 32);
                        while (e < kept.Count && (int)(kept[e] >> 32) == rank)
                            e++;
                        var len = e - s;
                        rowLags[rank] = len % 2 == 1 ? Lag(kept[s + len / 2]) : (Lag(kept[s + len / 2 - 1]) + Lag(kept[s + len / 2])) / 2f;
                        s = e;
                    }
                    for (var r = 0; r < n; r++)
                        keptRank[rowItems[r]] = -1;
                }
                packer.SetRow(a, rowItems.AsSpan(0, n), rowScores.AsSpan(0, n), rowSupport.AsSpan(0, n), rowLags.AsSpan(0, n));
            }
        }

        ParallelRows.Run(itemCount, options.Parallelism, Rows);
        return packer.Pack();
    }

    private struct Slot
    {
        public double Weighted;
        public int Count;
        public int Mark;
    }

    private static float Lag(long packed)
    {
        return BitConverter.Int32BitsToSingle((int)(packed & 0xFFFFFFFF));
    }
}
