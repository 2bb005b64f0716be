using Evaluation.Protocol;

namespace Evaluation.Methods;

/// <summary>The user's train items by number of invoices (ties: more recent first), then popularity. Task "all" only.</summary>
public sealed class RepeatMethod : IEvaluatedMethod
{
    private TrainIndex _index;

    public RepeatMethod(int itemCount)
    {
        ItemCount = itemCount;
    }

    public int ItemCount { get; }

    public string Name => "repeat";

    public bool Supports(EvalTask task)
    {
        return task == EvalTask.All;
    }

    public void Fit(Split split)
    {
        _index = new TrainIndex(split.Train, ItemCount);
    }

    public IReadOnlyList<ScoredItem> Recommend(int user, EvalTask task, int count)
    {
        var list = new List<ScoredItem>(count);
        if (_index.EventsByUser.TryGetValue(user, out var events))
        {
            list = events
                .GroupBy(e => e.Item)
                .Select(g => (Item: g.Key, Invoices: g.Select(e => e.Invoice).Distinct().Count(), Last: g.Max(e => e.Time)))
                .OrderByDescending(x => x.Invoices)
                .ThenByDescending(x => x.Last)
                .ThenBy(x => x.Item)
                .Take(count)
                .Select(x => new ScoredItem(x.Item, x.Invoices))
                .ToList();
        }
        _index.FillWithPopularity(list, count, null);
        return list;
    }
}
