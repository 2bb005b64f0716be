using Evaluation.Protocol;

namespace Evaluation.Methods;

/// <summary>Items by number of distinct train buyers (ties: StockCode ascending); discovery drops the user's train items.</summary>
public sealed class PopularityMethod : IEvaluatedMethod
{
    private Split _split;
    private TrainIndex _index;

    public PopularityMethod(int itemCount)
    {
        ItemCount = itemCount;
    }

    public int ItemCount { get; }

    public string Name => "popularity";

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
        var excluded = task == EvalTask.Discovery && _split.TrainItemsByUser.TryGetValue(user, out var own) ? own : null;
        var list = new List<ScoredItem>(count);
        foreach (var item in _index.PopularityOrder)
        {
            if (list.Count == count)
                break;
            if (excluded != null && excluded.Contains(item))
                continue;
            list.Add(new ScoredItem(item, _index.BuyerCount[item]));
        }
        return list;
    }
}
