using System.Diagnostics;
using System.Globalization;
using Evaluation;
using Evaluation.Data;
using Evaluation.Methods;
using Evaluation.Protocol;

var options = CommandLine.Parse(args);
if (options == null)
    return 2;

if (options.SyntheticEvents > 0)
    return options.TrainingRun ? SyntheticTrainingRun.Run(options)
        : options.Insights ? SyntheticInsightsRun.Run(options)
        : SyntheticRun.Run(options);

var path = DataPath.Resolve(options.DataPath);
Console.WriteLine($"data: {path}");
var loadWatch = Stopwatch.StartNew();
var data = OnlineRetailLoader.Load(path);
Console.WriteLine($"read {data.Events.Count:N0} events, {data.ItemCodes.Length:N0} items in {loadWatch.Elapsed.TotalSeconds:F2} s");
Check("events", data.Events.Count, 386_326);
GC.Collect();
using (var process = Process.GetCurrentProcess())
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set after reading: {process.PeakWorkingSet64 / 1048576.0:F1} MB"));

var testStart = new DateTime(2011, 11, 1);
var testEnd = new DateTime(2011, 12, 10);
var split = new Split(data.Events, testStart, testEnd);
Check("train events", split.Train.Count, 308_059);
Check("train customers", split.TrainUserCount, 3_970);
Check("train items", split.TrainItemCount, 3_607);
Check("test users (all)", split.AllTruth.Count, 1_540);
Check("test users (discovery)", split.DiscoveryTruth.Count, 1_449);

if (options.Validate)
    return ValidationRun.Run(data, testStart, options);

if (options.Complements)
{
    var watch = Stopwatch.StartNew();
    Evaluation.Complements.ComplementCheck.Run(split, TunedSettings.For(options, split) with { Parallelism = options.Parallelism }, Console.Out);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"complement check took {watch.Elapsed.TotalSeconds:F1} s"));
    return 0;
}

if (options.ColdStart)
{
    Evaluation.ColdStart.ColdStartCheck.Run(split, data.ItemCodes, Evaluation.ColdStart.Descriptions.Load(path), Console.Out);
    return 0;
}

if (options.Lifetime)
{
    Evaluation.Lifetime.LifetimeCheck.Run(split, options.OutDir, Console.Out);
    return 0;
}

if (options.OutDir != null)
    Directory.CreateDirectory(options.OutDir);
var runner = new Runner(split, data.ItemCodes, options.OutDir, options.RecommendThreads);
Console.WriteLine(Runner.Header());
foreach (var method in MethodFactory.Create(options, data.ItemCodes.Length, split))
{
    if (!options.Methods.Contains(method.Name))
        continue;
    runner.Run(method);
}
using (var process = Process.GetCurrentProcess())
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {process.PeakWorkingSet64 / 1048576.0:F1} MB"));

//replenishment check (EVALUATION.md): the window's last day, 2011-12-09, counts whole
if (options.Methods.Contains("engine"))
    Evaluation.Replenishment.ReplenishmentCheck.Run(split.Train, split.Test, testStart, testEnd.AddDays(-1)).WriteTo(Console.Out);
return 0;

static void Check(string what, int actual, int expected)
{
    Console.WriteLine($"{what}: {actual:N0} (expected {expected:N0})");
    if (actual != expected)
        throw new InvalidOperationException($"Protocol check failed: {what} = {actual}, expected {expected}");
}
