using Evaluation.Data;

namespace Evaluation.Protocol;

/// <summary>
/// A temporal split as EVALUATION.md defines it: train = events before <see cref="Start"/>, test = from it to <see cref="End"/>.
/// </summary>
public sealed class Split
{
    public Split(IReadOnlyList<PurchaseEvent> events, DateTime start, DateTime end)
    {
        Start = start;
        End = end;
        Train = events.Where(e => e.Time < start).ToList();
        Test = events.Where(e => e.Time >= start && e.Time < end).ToList();

        var trainItemsByUser = new Dictionary<int, HashSet<int>>();
        foreach (var e in Train)
        {
            if (!trainItemsByUser.TryGetValue(e.User, out var set))
                trainItemsByUser[e.User] = set = new HashSet<int>();
            set.Add(e.Item);
        }

        var testItemsByUser = new SortedDictionary<int, SortedSet<int>>();
        foreach (var e in Test)
        {
            if (!trainItemsByUser.ContainsKey(e.User))
                continue;
            if (!testItemsByUser.TryGetValue(e.User, out var set))
                testItemsByUser[e.User] = set = new SortedSet<int>();
            set.Add(e.Item);
        }

        TrainItemsByUser = trainItemsByUser;
        TestUsers = testItemsByUser.Keys.ToArray();
        AllTruth = testItemsByUser.ToDictionary(p => p.Key, p => (IReadOnlySet<int>)p.Value.ToHashSet());
        DiscoveryTruth = testItemsByUser
            .Select(p => (p.Key, Items: p.Value.Where(i => !trainItemsByUser[p.Key].Contains(i)).ToHashSet()))
            .Where(p => p.Items.Count > 0)
            .ToDictionary(p => p.Key, p => (IReadOnlySet<int>)p.Items);
        TrainItemCount = Train.Select(e => e.Item).Distinct().Count();
        TrainUserCount = trainItemsByUser.Count;
    }

    public DateTime Start { get; }
    public DateTime End { get; }
    public List<PurchaseEvent> Train { get; }
    public List<PurchaseEvent> Test { get; }
    public IReadOnlyDictionary<int, HashSet<int>> TrainItemsByUser { get; }
    public int[] TestUsers { get; }
    public IReadOnlyDictionary<int, IReadOnlySet<int>> AllTruth { get; }
    public IReadOnlyDictionary<int, IReadOnlySet<int>> DiscoveryTruth { get; }
    public int TrainItemCount { get; }
    public int TrainUserCount { get; }

    public IReadOnlyDictionary<int, IReadOnlySet<int>> Truth(EvalTask task)
    {
        return task == EvalTask.Discovery ? DiscoveryTruth : AllTruth;
    }
}

public enum EvalTask
{
    Discovery,
    All
}
