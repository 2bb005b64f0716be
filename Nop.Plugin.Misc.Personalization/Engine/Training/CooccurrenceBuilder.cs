using Nop.Plugin.Misc.Personalization.Engine.Models;

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// Item-item co-occurrence over groups (customers or orders). Co-occurrence is symmetric, so each unordered pair is
/// counted once, from its smaller item (groups hold their items sorted), and offered to both items' bounded heaps:
/// half the scattered updates of a row-by-row pass, with memory proportional to items x K, never items x items.
/// </summary>
internal static class CooccurrenceBuilder
{
    public static NeighbourTable Build(ItemGroups groups, int itemCount, NeighbourOptions options, int k, int parallelism, DateTime nowUtc, out int[] support)
    {
        var (itemOffsets, positions) = groups.InvertPositions(itemCount);
        var itemSupport = new int[itemCount];
        for (var i = 0; i < itemCount; i++)
            itemSupport[i] = itemOffsets[i + 1] - itemOffsets[i];
        support = itemSupport;
        var scorer = new PairScorer(options, itemSupport, groups.Count);
        var groupWeight = GroupWeights(groups, options, nowUtc);
        var groupOf = groups.GroupOfPositions();

        // the pair-counting index leaves out negligible groups (see NeighbourOptions.MinGroupWeight)
        if (options.MinGroupWeight > 0)
        {
            var kept = 0;
            var cursor = new int[itemCount + 1];
            for (var i = 0; i < itemCount; i++)
            {
                cursor[i] = kept;
                for (var p = itemOffsets[i]; p < itemOffsets[i + 1]; p++)
                {
                    if (groupWeight[groupOf[positions[p]]] >= options.MinGroupWeight)
                        positions[kept++] = positions[p];
                }
            }
            cursor[itemCount] = kept;
            itemOffsets = cursor;
        }
        var groupOffsets = groups.Offsets;
        var groupItems = groups.Items;
        var minSupport = options.MinSupport;

        var symmetric = scorer.IsSymmetric;

        RowHeaps Rows(int first, int stride)
        {
            var heaps = new RowHeaps(itemCount, k);
            var acc = new PairSum[itemCount];
            var touched = new int[itemCount];
            var candidates = new PairSum[itemCount];
            for (var i = first; i < itemCount; i += stride)
            {
                var n = 0;
                for (var p = itemOffsets[i]; p < itemOffsets[i + 1]; p++)
                {
                    // only the items after i in the group: the pair (i, j) with j > i
                    var start = positions[p];
                    var g = groupOf[start];
                    var w = groupWeight[g];
                    var end = groupOffsets[g + 1];
                    for (var q = start + 1; q < end; q++)
                    {
                        // branch-free: whether j is new to this row is a coin flip for the predictor
                        var j = groupItems[q];
                        ref var sum = ref acc[j];
                        touched[n] = j;
                        n += sum.Count == 0 ? 1 : 0;
                        sum.Count++;
                        sum.Weight += w;
                    }
                }
                // one pass clears the sums and keeps the pairs with enough support
                var m = 0;
                for (var t = 0; t < n; t++)
                {
                    var j = touched[t];
                    ref var sum = ref acc[j];
                    candidates[m] = sum;
                    touched[m] = j;
                    m += sum.Count >= minSupport ? 1 : 0;
                    sum = default;
                }
                for (var t = 0; t < m; t++)
                {
                    var j = touched[t];
                    var together = candidates[t].Weight;
                    var count = candidates[t].Count;
                    var score = scorer.Score(i, j, together);
                    heaps.Offer(i, j, score, count);
                    heaps.Offer(j, i, symmetric ? score : scorer.Score(j, i, together), count);
                }
            }
            return heaps;
        }

        var result = ParallelRows.Collect(itemCount, parallelism, Rows);

        // each row's size is known now: drain the heaps straight into the table, rows spread over the threads
        var offsets = new int[itemCount + 1];
        for (var i = 0; i < itemCount; i++)
            offsets[i + 1] = offsets[i] + result.CountOf(i);
        var neighbours = new int[offsets[itemCount]];
        var scores = new float[offsets[itemCount]];
        var supports = new float[offsets[itemCount]];
        ParallelRows.Run(itemCount, parallelism, (first, stride) =>
        {
            var rowScores = new double[k];
            for (var i = first; i < itemCount; i += stride)
            {
                var start = offsets[i];
                var n = offsets[i + 1] - start;
                result.Drain(i, neighbours.AsSpan(start, n), rowScores, supports.AsSpan(start, n));
                for (var r = 0; r < n; r++)
                    scores[start + r] = (float)rowScores[r];
            }
        });
        return new NeighbourTable(offsets, neighbours, scores, supports, null);
    }

    private static double[] GroupWeights(ItemGroups groups, NeighbourOptions options, DateTime nowUtc)
    {
        var groupWeight = new double[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var size = groups.Offsets[g + 1] - groups.Offsets[g];
            groupWeight[g] = options.GroupSizeExponent == 0 || size == 0 ? 1 : Math.Pow(size, -options.GroupSizeExponent);
            if (options.HalfLifeDays > 0)
                groupWeight[g] *= Math.Pow(2, -(nowUtc.Ticks - groups.Ticks[g]) / (options.HalfLifeDays * TimeSpan.TicksPerDay));
        }
        return groupWeight;
    }

    private struct PairSum
    {
        public double Weight;
        public int Count;
    }
}
