using Evaluation.Protocol;

namespace Evaluation.Methods;

/// <summary>
/// nopCommerce's "customers who bought this also bought": per product, the other products on the same orders by summed
/// quantity; per user the sum of these vectors over every product bought in train, then popularity.
/// </summary>
public sealed class AlsoPurchasedMethod : IEvaluatedMethod
{
    private Split _split;
    private TrainIndex _index;

    public AlsoPurchasedMethod(int itemCount)
    {
        ItemCount = itemCount;
    }

    public int ItemCount { get; }

    public string Name => "also_purchased";

    public bool Supports(EvalTask task)
    {
        return true;
    }

    public void Fit(Split split)
    {
        _split = split;
        _index = new TrainIndex(split.Train, ItemCount);
    }

    public IReadOnlyList<ScoredItem> Recommend(int user, EvalTask task, int count)
    {
        var own = _split.TrainItemsByUser.TryGetValue(user, out var set) ? set : new HashSet<int>();
        // for a product p, its vector is sum over orders o containing p of the quantities of o's other lines; summing over
        // the user's products p means each order o adds quantity(j) once per user product in o other than j itself
        var ordersHit = new Dictionary<int, int>();
        foreach (var p in own)
        {
            if (!_index.OrdersByItem.TryGetValue(p, out var orders))
                continue;
            foreach (var o in orders)
                ordersHit[o] = ordersHit.GetValueOrDefault(o) + 1;
        }
        var scores = new Dictionary<int, double>();
        foreach (var (order, userProducts) in ordersHit)
        {
            foreach (var (item, quantity) in _index.OrderLines[order])
            {
                var times = userProducts - (own.Contains(item) ? 1 : 0);
                if (times > 0)
                    scores[item] = scores.GetValueOrDefault(item) + quantity * times;
            }
        }
        var excluded = task == EvalTask.Discovery ? own : null;
        var list = scores
            .Where(p => excluded == null || !excluded.Contains(p.Key))
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key)
            .Take(count)
            .Select(p => new ScoredItem(p.Key, p.Value))
            .ToList();
        _index.FillWithPopularity(list, count, excluded);
        return list;
    }
}
