namespace Evaluation.Protocol;

public sealed record MetricSet(int Users, double HitRate, double Precision, double Recall, double Ndcg, double Mrr, double Coverage);

/// <summary>Top-10 metrics exactly as EVALUATION.md states them.</summary>
public static class Metrics
{
    public const int K = 10;

    public static MetricSet Score(IReadOnlyDictionary<int, IReadOnlySet<int>> truth, IReadOnlyDictionary<int, IReadOnlyList<ScoredItem>> lists, int catalogItems)
    {
        double hr = 0, precision = 0, recall = 0, ndcg = 0, mrr = 0;
        var recommended = new HashSet<int>();
        foreach (var (user, items) in truth)
        {
            if (!lists.TryGetValue(user, out var list) || list == null)
                continue;
            var top = FirstDistinct(list);
            foreach (var item in top)
                recommended.Add(item);
            var hits = 0;
            double dcg = 0;
            var firstHit = 0;
            for (var r = 0; r < top.Count; r++)
            {
                if (!items.Contains(top[r]))
                    continue;
                hits++;
                dcg += 1.0 / Math.Log2(r + 2);
                if (firstHit == 0)
                    firstHit = r + 1;
            }
            double ideal = 0;
            for (var r = 0; r < Math.Min(items.Count, K); r++)
                ideal += 1.0 / Math.Log2(r + 2);
            hr += hits > 0 ? 1 : 0;
            precision += hits / (double)K;
            recall += hits / (double)items.Count;
            ndcg += dcg / ideal;
            mrr += firstHit > 0 ? 1.0 / firstHit : 0;
        }
        var n = truth.Count;
        return new MetricSet(n, hr / n, precision / n, recall / n, ndcg / n, mrr / n, recommended.Count / (double)catalogItems);
    }

    public static List<int> FirstDistinct(IReadOnlyList<ScoredItem> list)
    {
        var top = new List<int>(K);
        foreach (var entry in list)
        {
            if (top.Count == K)
                break;
            if (!top.Contains(entry.Item))
                top.Add(entry.Item);
        }
        return top;
    }
}

public readonly record struct ScoredItem(int Item, double Score);
