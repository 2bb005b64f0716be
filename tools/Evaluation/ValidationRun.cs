using System.Globalization;
using System.Reflection;
using Evaluation.Data;
using Evaluation.Methods;
using Evaluation.Protocol;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Evaluation;

/// <summary>
/// Chooses the engine settings on validation splits carved from the training period only: by default train on events
/// before (test start - 28 days) and validate on the last 28 days before the test start; optionally several
/// consecutive windows of another length, the objective taken on their mean. Coordinate descent over a small grid,
/// objective = discovery NDCG@10 / 0.124 + all NDCG@10 / 0.413 (each task relative to its goal), or the all-items
/// term alone with --objective all.
/// </summary>
public static class ValidationRun
{
    public static int Run(RetailData data, DateTime testStart, CommandLine options)
    {
        var windows = new List<Window>();
        for (var w = 0; w < options.ValidationWindows; w++)
        {
            var end = testStart.AddDays(-w * options.ValidationDays);
            var start = end.AddDays(-options.ValidationDays);
            var period = data.Events.Where(e => e.Time < end).ToList();
            var split = new Split(period, start, end);
            Console.WriteLine($"validation window {w + 1}: train {split.Train.Count:N0} events before {start:yyyy-MM-dd}, validate {split.Test.Count:N0} events to {end:yyyy-MM-dd}; users all {split.AllTruth.Count:N0}, discovery {split.DiscoveryTruth.Count:N0}");
            var runner = new Runner(split, data.ItemCodes, ListDirectory(options, w), listLength: options.ListLength);
            Console.WriteLine(Runner.Header());
            foreach (var baseline in new IEvaluatedMethod[] { new PopularityMethod(data.ItemCodes.Length), new RepeatMethod(data.ItemCodes.Length) })
                runner.Run(baseline);
            windows.Add(new Window(runner, new Dictionary<TrainingOptions, ModelSnapshot>()));
        }

        var best = TunedSettings.For(options);
        var objective = new Objective(options.Objective == "all");
        var bestScore = Evaluate(windows, best, "start", objective);
        objective.DiscoveryFloor = 0.95 * objective.LastDiscoveryNdcg;
        var grid = Grid().Where(g => options.TuneOnly.Count == 0 || options.TuneOnly.Contains(g.Name)).ToList();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var improved = false;
            foreach (var (name, values) in grid)
            {
                foreach (var value in values)
                {
                    var candidate = Set(best, name, value);
                    if (candidate == null || candidate.Equals(best))
                        continue;
                    var score = Evaluate(windows, candidate, string.Create(CultureInfo.InvariantCulture, $"{name}={value}"), objective);
                    if (score > bestScore + 1e-4)
                    {
                        best = candidate;
                        bestScore = score;
                        improved = true;
                    }
                }
                // keep the snapshot caches small: only snapshots of the current best training settings survive
                foreach (var window in windows)
                {
                    foreach (var key in window.Cache.Keys.Where(k => !k.Equals(EngineMethod.TrainingKey(best))).ToList())
                        window.Cache.Remove(key);
                }
            }
            Console.WriteLine($"round {round}: objective {bestScore:F4}");
            if (!improved)
                break;
        }
        Console.WriteLine("chosen settings:");
        Console.WriteLine(Describe(best));
        return 0;
    }

    /// <summary>Where a window's lists go: the --out directory itself for one window, window-N below it for several.</summary>
    private static string ListDirectory(CommandLine options, int window)
    {
        if (options.OutDir == null)
            return null;
        var directory = options.ValidationWindows == 1 ? options.OutDir : Path.Combine(options.OutDir, $"window-{window + 1}");
        Directory.CreateDirectory(directory);
        return directory;
    }

    private sealed record Window(Runner Runner, Dictionary<TrainingOptions, ModelSnapshot> Cache);

    /// <summary>What the search maximises; with <see cref="AllOnly"/>, settings that cost discovery below the floor lose.</summary>
    private sealed class Objective(bool allOnly)
    {
        public bool AllOnly { get; } = allOnly;

        public double DiscoveryFloor { get; set; }

        public double LastDiscoveryNdcg { get; set; }

        public double Of(double discoveryNdcg, double allNdcg)
        {
            LastDiscoveryNdcg = discoveryNdcg;
            if (!AllOnly)
                return discoveryNdcg / 0.124 + allNdcg / 0.413;
            return discoveryNdcg < DiscoveryFloor ? double.NegativeInfinity : allNdcg / 0.413;
        }
    }

    /// <summary>
    /// The objective of the windows' mean NDCG@10: by default discovery / 0.124 + all / 0.413 (each task relative to
    /// its goal), with --objective all the all-items term alone.
    /// </summary>
    private static double Evaluate(List<Window> windows, TrainingOptions options, string label, Objective goal)
    {
        double discoveryNdcg = 0, discoveryHr = 0, allNdcg = 0, allHr = 0, fit = 0;
        foreach (var window in windows)
        {
            var results = window.Runner.Run(new EngineMethod(options, "engine", window.Cache), quiet: true);
            var discovery = results.First(r => r.Task == EvalTask.Discovery).Metrics;
            var all = results.First(r => r.Task == EvalTask.All).Metrics;
            discoveryNdcg += discovery.Ndcg;
            discoveryHr += discovery.HitRate;
            allNdcg += all.Ndcg;
            allHr += all.HitRate;
            fit += results[0].FitSeconds;
        }
        var n = windows.Count;
        var objective = goal.Of(discoveryNdcg / n, allNdcg / n);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-32} disc NDCG {discoveryNdcg / n:F4} HR {discoveryHr / n:F4} | all NDCG {allNdcg / n:F4} HR {allHr / n:F4} | obj {objective:F4} | fit {fit:F2}s"));
        return objective;
    }

    private static List<(string Name, double[] Values)> Grid()
    {
        return new List<(string, double[])>
        {
            ("Scoring.MomentumExponent", new[] { 0, 0.25, 0.5, 1 }),
            ("LongTrendingHalfLifeDays", new[] { 30.0, 60, 90, 180 }),
            ("Scoring.RepeatRateExponent", new[] { 0, 0.25, 0.5, 1 }),
            ("BoughtTogether.HalfLifeDays", new[] { 0, 7.0, 15, 30, 60 }),
            ("Similar.HalfLifeDays", new[] { 0, 7.0, 15, 30, 60 }),
            ("Scoring.RepeatShareExponent", new[] { 0, 0.5, 1 }),
            ("Scoring.RepeatOrderHalfLife", new[] { 0, 8.0, 16, 32 }),
            ("Scoring.RepeatQuantityExponent", new[] { 0, 0.1, 0.25, 0.5 }),
            ("Sequential.HalfLifeDays", new[] { 0, 15.0, 30, 60 }),
            ("Scoring.RepeatRecencyBoost", new[] { 0, 0.5, 1 }),
            ("Scoring.ActivityExponent", new[] { 0, 0.25, 0.5, 1 }),
            ("Scoring.ActivityFloor", new[] { 0.001, 0.01, 0.05, 0.2 }),
            ("TrendingHalfLifeDays", new[] { 3.0, 7, 14, 28 }),
            ("Similar.Measure", new[] { 1.0, 2, 4, 5 }),
            ("Similar.GroupSizeExponent", new[] { 0, 0.25, 0.5, 1 }),
            ("Similar.SourceExponent", new[] { 0, 0.25, 0.5, 0.75, 1 }),
            ("Similar.TargetExponent", new[] { 0.1, 0.3, 0.5, 0.7, 0.9 }),
            ("BoughtTogether.Measure", new[] { 1.0, 2, 4, 5 }),
            ("BoughtTogether.GroupSizeExponent", new[] { 0, 0.25, 0.5, 1 }),
            ("BoughtTogether.SourceExponent", new[] { 0, 0.25, 0.5, 0.75, 1 }),
            ("BoughtTogether.TargetExponent", new[] { 0.1, 0.3, 0.5, 0.7, 0.9 }),
            ("Scoring.SimilarWeight", new[] { 0, 0.25, 0.5, 1, 2 }),
            ("Scoring.BoughtTogetherWeight", new[] { 0, 0.5, 1, 2, 4 }),
            ("Scoring.SequentialWeight", new[] { 0, 0.25, 0.5, 1, 2 }),
            ("Sequential.Measure", new[] { 1.0, 2, 4, 5 }),
            ("Sequential.TargetExponent", new[] { 0.1, 0.3, 0.5, 0.7, 0.9 }),
            ("SequentialWindowDays", new[] { 14.0, 30, 60, 120 }),
            ("Scoring.HistoryHalfLifeDays", new[] { 7.0, 15, 30, 60 }),
            ("Scoring.AffinityExponent", new[] { 0.5, 0.75, 1 }),
            ("Scoring.PopularityWeight", new[] { 0, 0.01, 0.02, 0.05, 0.1 }),
            ("Scoring.RepeatWeight", new[] { 8.0, 16, 32, 64 }),
            ("Scoring.RepeatHalfLifeDays", new[] { 60.0, 120, 240, 480, 960 }),
            ("Scoring.ReplenishableBoost", new[] { 0, 0.5, 1, 2, 4 }),
            ("Scoring.DueBoost", new[] { 0, 0.5, 1, 2 }),
            ("Similar.MinSupport", new[] { 1.0, 2, 3, 5 }),
            ("BoughtTogether.MinSupport", new[] { 1.0, 2, 3, 5 }),
            ("Sequential.MinSupport", new[] { 1.0, 2, 3, 5 }),
            ("NeighbourCount", new[] { 20.0, 50, 100 }),
            ("Scoring.MaxSpreadProducts", new[] { 0, 32.0, 64, 128, 256 }),
            ("Similar.MinGroupWeight", new[] { 0, 0.001, 0.003, 0.01 }),
            ("BoughtTogether.MinGroupWeight", new[] { 0, 1e-6, 1e-5, 1e-4, 0.001, 0.01 }),
            ("MaxProductsPerCustomer", new[] { 50.0, 100, 300 }),
            ("CustomerWindowDays", new[] { 0, 30.0, 60, 120 }),
        };
    }

    /// <summary>Returns a copy of <paramref name="options"/> with one setting (a dotted path such as Similar.Measure) changed.</summary>
    public static TrainingOptions Set(TrainingOptions options, string name, double value)
    {
        return (TrainingOptions)SetPath(options, name.Split('.'), 0, value);
    }

    private static object SetPath(object target, string[] path, int depth, double value)
    {
        // records expose their copy constructor as <Clone>$; init setters can be called on the fresh copy
        var copy = target.GetType().GetMethod("<Clone>$")!.Invoke(target, null);
        var property = copy.GetType().GetProperty(path[depth], BindingFlags.Public | BindingFlags.Instance) ?? throw new ArgumentException($"No setting {string.Join('.', path)}");
        if (depth < path.Length - 1)
        {
            property.SetValue(copy, SetPath(property.GetValue(copy), path, depth + 1, value));
            return copy;
        }
        object converted = property.PropertyType == typeof(int) ? (int)value
            : property.PropertyType == typeof(double) ? value
            : property.PropertyType.IsEnum ? Enum.ToObject(property.PropertyType, (int)value)
            : throw new ArgumentException($"Cannot set {string.Join('.', path)}");
        property.SetValue(copy, converted);
        return copy;
    }

    public static string Describe(TrainingOptions options)
    {
        var lines = new List<string>();
        Describe(options, string.Empty, lines);
        return string.Join(Environment.NewLine, lines);
    }

    private static void Describe(object target, string prefix, List<string> lines)
    {
        foreach (var p in target.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").OrderBy(p => p.Name))
        {
            var value = p.GetValue(target);
            if (p.PropertyType.IsValueType)
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {prefix}{p.Name} = {value}"));
            else if (value != null && p.PropertyType.Namespace == typeof(TrainingOptions).Namespace && p.PropertyType.GetMethod("<Clone>$") != null)
                Describe(value, prefix + p.Name + ".", lines);
        }
    }
}
