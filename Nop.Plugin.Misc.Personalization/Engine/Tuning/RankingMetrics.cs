using Nop.Plugin.Misc.Personalization.Engine.Serving;

namespace Nop.Plugin.Misc.Personalization.Engine.Tuning;

internal static class RankingMetrics
{
    /// <summary>NDCG@k with binary gain: hits discounted by log2(rank + 1), over the ideal for min(|truth|, k) hits.</summary>
    public static double NdcgAt(IReadOnlyList<Recommendation> list, IReadOnlySet<int> truth, int k)
    {
        if (truth.Count == 0)
            return 0;
        double dcg = 0;
        for (var r = 0; r < Math.Min(k, list.Count); r++)
        {
            if (truth.Contains(list[r].ProductId))
                dcg += 1 / Math.Log2(r + 2);
        }
        double ideal = 0;
        for (var r = 0; r < Math.Min(k, truth.Count); r++)
            ideal += 1 / Math.Log2(r + 2);
        return dcg / ideal;
    }
}
