using System.Runtime.InteropServices;
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
        int[] item, order;
        long[] ticks;
        if (count == data.EventCount)
        {
            // only purchases (an order history): the columns are the data's own, read only here
            item = data.Item;
            ticks = data.Ticks;
            order = data.Order;
            Array.Copy(data.CustomerOffsets, offsets, offsets.Length);
        }
        else
        {
            item = new int[count];
            ticks = new long[count];
            order = new int[count];
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
        }

        // each buyer's first purchase of each product, grouped by product (customers ascending inside a product: they
        // are found in customer order and placed by a stable counting sort)
        var buyers = new int[itemCount];
        var stamp = new int[itemCount];
        Array.Fill(stamp, -1);
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
        // a second pass places the first purchases (counted above, so no growing list): stamps now mark customer
        // c as -2 - c
        var firsts = new int[rowOffsets[itemCount]];
        var rowCursor = (int[])rowOffsets.Clone();
        for (var c = 0; c < data.CustomerCount; c++)
        {
            for (var q = offsets[c]; q < offsets[c + 1]; q++)
            {
                if (stamp[item[q]] == -2 - c)
                    continue;
                stamp[item[q]] = -2 - c;
                firsts[rowCursor[item[q]]++] = q;
            }
        }

        // the customer's previous purchase of the same product (or -1): a scan starting at `from` meets that product for
        // the first time at q exactly when previous[q] < from, so deduplication reads a sequential array instead of
        // marking a per-product slot. Only a line of the starting order met later (an order spanning instants, skipped
        // without being counted) breaks this; such scans deduplicate with marks instead.
        var previous = new int[count];
        var lastAt = new int[itemCount];
        Array.Fill(lastAt, -1);
        for (var q = 0; q < count; q++)
        {
            previous[q] = lastAt[item[q]];
            lastAt[item[q]] = q;
        }
        var spanning = OrdersSpanningInstants(order, ticks, offsets, data.CustomerCount);

        var packer = new RowPacker(itemCount, true);
        var scorer = new PairScorer(options.Sequential, buyers, purchasingCustomers);
        var halfLife = options.Sequential.HalfLifeDays;
        var minSupport = options.Sequential.MinSupport;
        var maxBuyers = 0;
        for (var i = 0; i < itemCount; i++)
            maxBuyers = Math.Max(maxBuyers, buyers[i]);

        void Rows(int first, int stride)
        {
            var counts = new int[itemCount];
            var weighted = halfLife > 0 ? new double[itemCount] : null;
            var marks = spanning != null ? new int[itemCount] : null;
            var keptRank = new int[itemCount];
            Array.Fill(keptRank, -1);
            var touched = new int[itemCount];
            var candidateCount = new int[itemCount];
            var candidateWeight = weighted != null ? new double[itemCount] : null;
            var fill = new int[k];
            var lagBuffer = new float[1024];
            // each new (buyer, B) of the row as B and the position of that purchase; the lag is computed only for kept B
            var met = new long[1024];
            var visitEnd = new int[maxBuyers];
            var top = new TopK(k);
            var rowItems = new int[k];
            var rowScores = new double[k];
            var rowSupport = new float[k];
            var rowLags = new float[k];
            var visit = 0;
            for (var a = first; a < itemCount; a += stride)
            {
                var metCount = 0;
                var n = 0;
                for (var r = rowOffsets[a]; r < rowOffsets[a + 1]; r++)
                {
                    var position = firsts[r];
                    var customer = customerOfPosition[position];
                    var limit = ticks[position] + window;
                    var end = Math.Min(offsets[customer + 1], position + 1 + maxScan);
                    var from = laterFrom[position];
                    if (met.Length - metCount < end - from)
                        Array.Resize(ref met, Math.Max(met.Length * 2, metCount + end - from));
                    var before = metCount;
                    var startOrder = order[position];
                    if (startOrder != 0 && spanning != null && spanning[position])
                    {
                        visit++;
                        for (var q = from; q < end && ticks[q] <= limit; q++)
                        {
                            var b = item[q];
                            if (b == a || order[q] == startOrder || marks[b] == visit)
                                continue;
                            marks[b] = visit;
                            if (counts[b]++ == 0)
                                touched[n++] = b;
                            met[metCount++] = ((long)b << 32) | (uint)q;
                        }
                    }
                    else
                    {
                        for (var q = from; q < end && ticks[q] <= limit; q++)
                        {
                            // branch-free: whether B is new to this buyer is a coin flip for the predictor
                            var b = item[q];
                            var isNew = (previous[q] < from) & (b != a) ? 1 : 0;
                            ref var c = ref counts[b];
                            touched[n] = b;
                            n += (c == 0 ? 1 : 0) & isNew;
                            c += isNew;
                            met[metCount] = ((long)b << 32) | (uint)q;
                            metCount += isNew;
                        }
                    }
                    if (weighted != null)
                    {
                        // weighted by the age of the buyer's purchase of A
                        var w = Math.Pow(2, -(nowTicks - ticks[position]) / (halfLife * TimeSpan.TicksPerDay));
                        for (var m = before; m < metCount; m++)
                            weighted[(int)(met[m] >> 32)] += w;
                    }
                    visitEnd[r - rowOffsets[a]] = metCount;
                }
                // one pass over the touched products: clear their counts and keep those with enough support
                var candidates = 0;
                for (var t = 0; t < n; t++)
                {
                    var b = touched[t];
                    var c = counts[b];
                    counts[b] = 0;
                    touched[candidates] = b;
                    candidateCount[candidates] = c;
                    if (weighted != null)
                    {
                        candidateWeight[candidates] = weighted[b];
                        weighted[b] = 0;
                    }
                    candidates += c >= minSupport ? 1 : 0;
                }
                top.Reset(k);
                for (var t = 0; t < candidates; t++)
                {
                    var b = touched[t];
                    var score = scorer.Score(a, b, weighted != null ? candidateWeight[t] : candidateCount[t]);
                    if (score >= top.Threshold)
                        top.Offer(b, score);
                }
                var kept = top.Drain(rowItems, rowScores);
                if (kept > 0)
                {
                    for (var r = 0; r < kept; r++)
                        keptRank[rowItems[r]] = r;
                    for (var t = 0; t < candidates; t++)
                    {
                        var rank = keptRank[touched[t]];
                        if (rank >= 0)
                            rowSupport[rank] = candidateCount[t];
                    }
                    MedianLags(rowOffsets[a], rowOffsets[a + 1] - rowOffsets[a], kept, rowLags);
                    for (var r = 0; r < kept; r++)
                        keptRank[rowItems[r]] = -1;
                }
                packer.SetRow(a, rowItems.AsSpan(0, kept), rowScores.AsSpan(0, kept), rowSupport.AsSpan(0, kept), rowLags.AsSpan(0, kept));
            }

            // the lag of each kept B, per buyer, in days; the median per B
            void MedianLags(int rowStart, int visits, int kept, float[] lags)
            {
                var total = 0;
                for (var r = 0; r < kept; r++)
                {
                    fill[r] = total;
                    total += (int)rowSupport[r];
                }
                if (lagBuffer.Length < total)
                    lagBuffer = new float[Math.Max(total, lagBuffer.Length * 2)];
                var m = 0;
                for (var v = 0; v < visits; v++)
                {
                    var start = ticks[firsts[rowStart + v]];
                    for (; m < visitEnd[v]; m++)
                    {
                        var rank = keptRank[(int)(met[m] >> 32)];
                        if (rank >= 0)
                            lagBuffer[fill[rank]++] = (float)((ticks[(int)(uint)met[m]] - start) / (double)TimeSpan.TicksPerDay);
                    }
                }
                var from = 0;
                for (var r = 0; r < kept; r++)
                {
                    var len = (int)rowSupport[r];
                    // lags are positive, so their bits sort like integers (and the int sort is already compiled)
                    var span = lagBuffer.AsSpan(from, len);
                    MemoryMarshal.Cast<float, int>(span).Sort();
                    lags[r] = len % 2 == 1 ? span[len / 2] : (span[len / 2 - 1] + span[len / 2]) / 2f;
                    from += len;
                }
            }
        }

        ParallelRows.Run(itemCount, options.Parallelism, Rows);
        return packer.Pack();
    }

    /// <summary>
    /// Per purchase, whether its order (order id within the customer) has lines at more than one instant; null when no
    /// order does (the usual case).
    /// </summary>
    private static bool[] OrdersSpanningInstants(int[] order, long[] ticks, int[] offsets, int customerCount)
    {
        bool[] spanning = null;
        // order id -> its first line in the customer's purchases
        var firstLineOf = new Dictionary<int, int>();
        for (var c = 0; c < customerCount; c++)
        {
            if (offsets[c + 1] - offsets[c] < 2)
                continue;
            firstLineOf.Clear();
            for (var q = offsets[c]; q < offsets[c + 1]; q++)
            {
                if (order[q] == 0 || (q > offsets[c] && order[q] == order[q - 1] && ticks[q] == ticks[q - 1]))
                    continue;
                if (!firstLineOf.TryAdd(order[q], q) && ticks[firstLineOf[order[q]]] != ticks[q])
                {
                    spanning ??= new bool[order.Length];
                    for (var p = offsets[c]; p < offsets[c + 1]; p++)
                        spanning[p] |= order[p] == order[q];
                }
            }
        }
        return spanning;
    }
}
