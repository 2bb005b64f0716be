using Nop.Plugin.Misc.Personalization.Engine.Models;

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// Collective intelligence: a store's neighbour row is blended with the installation-wide row, the store getting weight
/// n / (n + shrinkage) where n is the store's own support for the product. Only aggregated statistics cross stores.
/// </summary>
internal static class CollectiveBlender
{
    public static double StoreWeight(double storeSupport, double shrinkage)
    {
        return shrinkage <= 0 ? 1 : storeSupport / (storeSupport + shrinkage);
    }

    public static NeighbourTable Blend(NeighbourTable store, NeighbourTable global, int[] storeSupport, double shrinkage, int k)
    {
        var itemCount = store.ItemCount;
        var packer = new RowPacker(itemCount, store.HasLags);
        var score = new double[itemCount];
        var support = new float[itemCount];
        var lag = new float[itemCount];
        var seen = new bool[itemCount];
        var touched = new List<int>();
        var top = new TopK(k);
        var rowItems = new int[k];
        var rowScores = new double[k];
        var rowSupport = new float[k];
        var rowLags = new float[k];
        for (var i = 0; i < itemCount; i++)
        {
            var w = StoreWeight(storeSupport[i], shrinkage);
            Add(store, i, w, score, support, lag, seen, touched, true);
            Add(global, i, 1 - w, score, support, lag, seen, touched, false);
            top.Reset(k);
            foreach (var j in touched)
                top.Offer(j, score[j]);
            var n = top.Drain(rowItems, rowScores);
            for (var r = 0; r < n; r++)
            {
                rowSupport[r] = support[rowItems[r]];
                rowLags[r] = lag[rowItems[r]];
            }
            foreach (var j in touched)
            {
                score[j] = 0;
                support[j] = 0;
                lag[j] = 0;
                seen[j] = false;
            }
            touched.Clear();
            packer.SetRow(i, rowItems.AsSpan(0, n), rowScores.AsSpan(0, n), rowSupport.AsSpan(0, n), rowLags.AsSpan(0, n));
        }
        return packer.Pack();
    }

    private static void Add(NeighbourTable table, int i, double weight, double[] score, float[] support, float[] lag, bool[] seen, List<int> touched, bool own)
    {
        var neighbours = table.NeighboursOf(i);
        var scores = table.ScoresOf(i);
        var supports = table.SupportOf(i);
        var lags = table.LagDaysOf(i);
        for (var r = 0; r < neighbours.Length; r++)
        {
            var j = neighbours[r];
            if (!seen[j])
            {
                seen[j] = true;
                touched.Add(j);
            }
            score[j] += weight * scores[r];
            // explanations quote the store's own support and lag when it has them
            if (own || support[j] == 0)
            {
                support[j] = supports[r];
                if (!lags.IsEmpty)
                    lag[j] = lags[r];
            }
        }
    }
}
