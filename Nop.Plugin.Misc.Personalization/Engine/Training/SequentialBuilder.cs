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

        // each buyer's first purchase of each product, grouped by product
        var buyers = new int[itemCount];
        var stamp = new int[itemCount];
        Array.Fill(stamp, -1);
        var firsts = new List<(int Item, int Customer, int Position)>();
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
                firsts.Add((item[q], c, q));
            }
        }
        firsts.Sort();
        var rowOffsets = new int[itemCount + 1];
        foreach (var f in firsts)
            rowOffsets[f.Item + 1]++;
        for (var i = 0; i < itemCount; i++)
            rowOffsets[i + 1] += rowOffsets[i];

        var packer = new RowPacker(itemCount, true);
        var scorer = new PairScorer(options.Sequential, buyers, purchasingCustomers);

        void Rows(int first, int stride)
        {
            var acc = new int[itemCount];
            var weighted = new double[itemCount];
            var mark = new int[itemCount];
            var keptRank = new int[itemCount];
            Array.Fill(keptRank, -1);
            var visit = 0;
            var touched = new List<int>();
            var kept = new List<long>();
            var lags = new List<long>();
            var top = new TopK(k);
            var rowItems = new int[k];
            var rowScores = new double[k];
            var rowSupport = new float[k];
            var rowLags = new float[k];
            for (var a = first; a < itemCount; a += stride)
            {
                // how many buyers of A bought each B later, weighted by the age of their purchase of A; the lag of each
                // buyer's first B is noted on the way for the medians of the kept neighbours
                lags.Clear();
                for (var r = rowOffsets[a]; r < rowOffsets[a + 1]; r++)
                {
                    var (_, customer, position) = firsts[r];
                    visit++;
                    var w = options.Sequential.HalfLifeDays > 0 ? Math.Pow(2, -(nowTicks - ticks[position]) / (options.Sequential.HalfLifeDays * TimeSpan.TicksPerDay)) : 1;
                    var start = ticks[position];
                    var startOrder = order[position];
                    var end = Math.Min(offsets[customer + 1], position + 1 + maxScan);
                    for (var q = position + 1; q < end && ticks[q] <= start + window; q++)
                    {
                        var b = item[q];
                        if (b == a || ticks[q] == start || (startOrder != 0 && order[q] == startOrder) || mark[b] == visit)
                            continue;
                        mark[b] = visit;
                        weighted[b] += w;
                        if (acc[b]++ == 0)
                            touched.Add(b);
                        lags.Add(((long)b << 32) | (uint)BitConverter.SingleToInt32Bits((float)((ticks[q] - start) / (double)TimeSpan.TicksPerDay)));
                    }
                }
                top.Reset(k);
                foreach (var b in touched)
                {
                    if (acc[b] >= options.Sequential.MinSupport)
                        top.Offer(b, scorer.Score(a, b, weighted[b]));
                }
                var n = top.Drain(rowItems, rowScores);
                for (var r = 0; r < n; r++)
                {
                    keptRank[rowItems[r]] = r;
                    rowSupport[r] = acc[rowItems[r]];
                }
                foreach (var b in touched)
                {
                    acc[b] = 0;
                    weighted[b] = 0;
                }
                touched.Clear();

                if (n > 0)
                {
                    kept.Clear();
                    foreach (var entry in lags)
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

    private static float Lag(long packed)
    {
        return BitConverter.Int32BitsToSingle((int)(packed & 0xFFFFFFFF));
    }
}
