using BenchmarkDotNet.Attributes;
using Evaluation;
using Evaluation.Data;
using Evaluation.Methods;
using Evaluation.Protocol;

namespace Benchmarks;

/// <summary>
/// The engine's speed goal on UCI Online Retail: fit on the training period and recommend "all" for the 1,540 test
/// users, file reading excluded. Unlike the evaluation tool's single cold run, this is a warm process (as in a shop,
/// which retrains hourly in a long-running process): JIT is out of the figure.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class UciFitRecommendBenchmark
{
    private Split _split;
    private int[] _users;

    /// <summary>Training parallelism and recommending threads (1 = a single core, 2 = both cores of the machine).</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = OnlineRetailLoader.Load(DataPath.Resolve(null));
        _split = new Split(data.Events, new DateTime(2011, 11, 1), new DateTime(2011, 12, 10));
        _users = _split.TestUsers.Where(_split.AllTruth.ContainsKey).ToArray();
        if (_users.Length != 1_540)
            throw new InvalidOperationException($"Expected 1,540 test users, found {_users.Length}");
    }

    [Benchmark]
    public int FitAndRecommendAll()
    {
        var engine = new EngineMethod(TunedSettings.Options() with { Parallelism = Threads });
        engine.Fit(_split);
        var lists = new IReadOnlyList<ScoredItem>[_users.Length];
        Parallel.For(0, _users.Length, new ParallelOptions { MaxDegreeOfParallelism = Threads },
            u => lists[u] = engine.Recommend(_users[u], EvalTask.All, Metrics.K));
        return lists.Sum(list => list.Count);
    }
}
