using System.Diagnostics;
using System.Globalization;
using Evaluation.Methods;

namespace Evaluation.Protocol;

public sealed record MethodResult(string Method, EvalTask Task, MetricSet Metrics, double FitSeconds, double RecommendSeconds, long AllocatedBytes, double MedianMicros);

/// <summary>Fits each method, recommends for every user of each task, scores and optionally writes the lists.</summary>
public sealed class Runner
{
    private readonly Split _split;
    private readonly string[] _itemCodes;
    private readonly string _outDir;
    private readonly int _recommendThreads;
    private readonly int _listLength;

    /// <param name="recommendThreads">Threads recommending for the users of a task, for methods that are thread-safe.</param>
    /// <param name="listLength">Items asked per user and written to the lists; metrics always use the first <see cref="Metrics.K"/>.</param>
    public Runner(Split split, string[] itemCodes, string outDir, int recommendThreads = 1, int listLength = Metrics.K)
    {
        _split = split;
        _itemCodes = itemCodes;
        _outDir = outDir;
        _recommendThreads = recommendThreads;
        _listLength = Math.Max(Metrics.K, listLength);
    }

    public List<MethodResult> Run(IEvaluatedMethod method, bool quiet = false)
    {
        var results = new List<MethodResult>();
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var watch = Stopwatch.StartNew();
        method.Fit(_split);
        var fitSeconds = watch.Elapsed.TotalSeconds;

        foreach (var task in new[] { EvalTask.Discovery, EvalTask.All })
        {
            if (!method.Supports(task))
                continue;
            var truth = _split.Truth(task);
            var users = _split.TestUsers.Where(truth.ContainsKey).ToArray();
            var userLists = new IReadOnlyList<ScoredItem>[users.Length];
            var micros = new double[users.Length];
            watch.Restart();
            void RecommendFor(int u)
            {
                var started = Stopwatch.GetTimestamp();
                userLists[u] = method.Recommend(users[u], task, _listLength);
                micros[u] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }
            if (_recommendThreads > 1 && method.IsThreadSafe)
                Parallel.For(0, users.Length, new ParallelOptions { MaxDegreeOfParallelism = _recommendThreads }, RecommendFor);
            else
            {
                for (var u = 0; u < users.Length; u++)
                    RecommendFor(u);
            }
            var recommendSeconds = watch.Elapsed.TotalSeconds;
            var lists = new Dictionary<int, IReadOnlyList<ScoredItem>>(users.Length);
            for (var u = 0; u < users.Length; u++)
                lists[users[u]] = userLists[u];
            Array.Sort(micros);
            var metrics = Metrics.Score(truth, lists, _split.TrainItemCount);
            results.Add(new MethodResult(method.Name, task, metrics, fitSeconds, recommendSeconds, GC.GetTotalAllocatedBytes(true) - allocatedBefore, micros[micros.Length / 2]));
            if (_outDir != null)
                ListWriter.Write(Path.Combine(_outDir, $"{method.Name}_{task.ToString().ToLowerInvariant()}.csv"), lists, _itemCodes, _listLength);
        }
        if (!quiet)
            foreach (var r in results)
                Console.WriteLine(Format(r));
        return results;
    }

    public static string Header()
    {
        return "method          task       users   HR@10  Prec@10  Rec@10  NDCG@10  MRR@10  coverage   fit_s   rec_s  med_us  alloc_MB";
    }

    public static string Format(MethodResult r)
    {
        var m = r.Metrics;
        return string.Create(CultureInfo.InvariantCulture,
            $"{r.Method,-15} {r.Task.ToString().ToLowerInvariant(),-9} {m.Users,6}  {m.HitRate,6:F4}  {m.Precision,7:F4}  {m.Recall,6:F4}  {m.Ndcg,7:F4}  {m.Mrr,6:F4}  {m.Coverage,8:F4}  {r.FitSeconds,6:F3}  {r.RecommendSeconds,6:F3}  {r.MedianMicros,6:F1}  {r.AllocatedBytes / 1048576.0,8:F1}");
    }
}
