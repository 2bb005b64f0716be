using Evaluation.Data;

namespace Evaluation.Methods;

/// <summary>Shared look-ups over the train events for the baselines: popularity order, user histories, orders.</summary>
public sealed class TrainIndex
{
    public TrainIndex(IReadOnlyList<PurchaseEvent> train, int itemCount)
    {
        ItemCount = itemCount;
        var buyers = new HashSet<(int, int)>();
        BuyerCount = new int[itemCount];
        foreach (var e in train)
        {
            if (buyers.Add((e.User, e.Item)))
                BuyerCount[e.Item]++;
        }
        PopularityOrder = Enumerable.Range(0, itemCount)
            .Where(i => BuyerCount[i] > 0)
            .OrderByDescending(i => BuyerCount[i])
            .ThenBy(i => i)
            .ToArray();

        EventsByUser = train.GroupBy(e => e.User).ToDictionary(g => g.Key, g => g.ToList());
        OrdersByItem = train.GroupBy(e => e.Item).ToDictionary(g => g.Key, g => g.Select(e => e.Invoice).Distinct().ToArray());
        OrderLines = train.GroupBy(e => e.Invoice).ToDictionary(g => g.Key, g => g.Select(e => (e.Item, e.Quantity)).ToArray());
    }

    public int ItemCount { get; }
    public int[] BuyerCount { get; }
    public int[] PopularityOrder { get; }
    public Dictionary<int, List<PurchaseEvent>> EventsByUser { get; }
    public Dictionary<int, int[]> OrdersByItem { get; }
    public Dictionary<int, (int Item, double Quantity)[]> OrderLines { get; }

    /// <summary>Appends popular items not yet listed and not excluded until the list has <paramref name="count"/> items.</summary>
    public void FillWithPopularity(List<Protocol.ScoredItem> list, int count, HashSet<int> excluded)
    {
        var present = list.Select(s => s.Item).ToHashSet();
        foreach (var item in PopularityOrder)
        {
            if (list.Count >= count)
                break;
            if (present.Contains(item) || (excluded != null && excluded.Contains(item)))
                continue;
            list.Add(new Protocol.ScoredItem(item, 0));
        }
    }
}
