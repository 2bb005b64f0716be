using Nop.Plugin.Misc.Personalization.Engine.Models;

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// Item-item co-occurrence over groups (customers or orders), one row at a time with a dense accumulator, so memory stays
/// proportional to items x K and no items x items matrix is ever built.
/// </summary>
internal static class CooccurrenceBuilder
{
    public static NeighbourTable Build(ItemGroups groups, int itemCount, NeighbourOptions options, int k, int parallelism, DateTime nowUtc, out int[] support)
    {
        var (itemOffsets, itemGroups) = groups.Invert(itemCount);
        var itemSupport = new int[itemCount];
        for (var i = 0; i < itemCount; i++)
            itemSupport[i] = itemOffsets[i + 1] - itemOffsets[i];
        support = itemSupport;
        var groupCount = (double)groups.Count;
        var packer = new RowPacker(itemCount, false);
        var scorer = new PairScorer(options, itemSupport, groupCount);
        var groupWeight = new double[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var size = groups.Offsets[g + 1] - groups.Offsets[g];
            groupWeight[g] = options.GroupSizeExponent == 0 || size == 0 ? 1 : Math.Pow(size, -options.GroupSizeExponent);
            if (options.HalfLifeDays > 0)
                groupWeight[g] *= Math.Pow(2, -(nowUtc.Ticks - groups.Ticks[g]) / (options.HalfLifeDays * TimeSpan.TicksPerDay));
        }

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
                    if (groupWeight[itemGroups[p]] >= options.MinGroupWeight)
                        itemGroups[kept++] = itemGroups[p];
                }
            }
            cursor[itemCount] = kept;
            itemOffsets = cursor;
        }
        var groupOffsets = groups.Offsets;
        var groupItems = groups.Items;

        void Rows(int first, int stride)
        {
            var acc = new int[itemCount];
            var weighted = new double[itemCount];
            var touched = new List<int>();
            var top = new TopK(k);
            var rowItems = new int[k];
            var rowScores = new double[k];
            var rowSupport = new float[k];
            for (var i = first; i < itemCount; i += stride)
            {
                if (itemOffsets[i + 1] == itemOffsets[i])
                    continue;
                for (var p = itemOffsets[i]; p < itemOffsets[i + 1]; p++)
                {
                    var g = itemGroups[p];
                    var w = groupWeight[g];
                    var end = groupOffsets[g + 1];
                    for (var q = groupOffsets[g]; q < end; q++)
                    {
                        var j = groupItems[q];
                        weighted[j] += w;
                        if (acc[j]++ == 0)
                            touched.Add(j);
                    }
                }
                top.Reset(k);
                foreach (var j in touched)
                {
                    if (j == i || acc[j] < options.MinSupport)
                        continue;
                    top.Offer(j, scorer.Score(i, j, weighted[j]));
                }
                var n = top.Drain(rowItems, rowScores);
                for (var r = 0; r < n; r++)
                    rowSupport[r] = acc[rowItems[r]];
                foreach (var j in touched)
                {
                    acc[j] = 0;
                    weighted[j] = 0;
                }
                touched.Clear();
                packer.SetRow(i, rowItems.AsSpan(0, n), rowScores.AsSpan(0, n), rowSupport.AsSpan(0, n), default);
            }
        }

        ParallelRows.Run(itemCount, parallelism, Rows);
        return packer.Pack();
    }
}
