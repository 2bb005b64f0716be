using System.Diagnostics;
using System.Globalization;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Snapshots;
using Nop.Plugin.Misc.Personalization.Engine.Synthetic;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Evaluation;

/// <summary>
/// Scale check: trains the engine (default settings) on a seeded synthetic funnel streamed straight into the trainer, then
/// serialises, reloads and serves from the snapshot. Run one size per process so the peak working set is that size's.
/// </summary>
public static class SyntheticRun
{
    public static int Run(CommandLine options)
    {
        var funnelOptions = FunnelOptions(options);
        var funnel = new SyntheticFunnel(funnelOptions);
        var products = funnel.Products();
        var now = funnelOptions.End;
        var training = new TrainingOptions { Parallelism = options.Parallelism };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"synthetic funnel: {funnelOptions.Events:N0} events, {funnelOptions.Products:N0} products, {funnelOptions.Customers:N0} customers, seed {funnelOptions.Seed}, parallelism {training.Parallelism}"));

        var watch = Stopwatch.StartNew();
        var snapshot = EngineTrainer.Train(funnel.Events(), products, training, now);
        var trainSeconds = watch.Elapsed.TotalSeconds;
        var peakAfterTrain = PeakMegabytes();

        watch.Restart();
        var bytes = SnapshotSerializer.Serialize(snapshot);
        var serializeSeconds = watch.Elapsed.TotalSeconds;
        snapshot = null;
        GC.Collect();
        var loadTimes = new List<double>();
        Nop.Plugin.Misc.Personalization.Engine.Models.ModelSnapshot loaded = null;
        for (var i = 0; i < 5; i++)
        {
            watch.Restart();
            loaded = SnapshotSerializer.Deserialize(bytes);
            loadTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        var recommender = new Recommender(loaded);
        var history = funnel.Events().Skip(100_000).Take(200).Select(e => e with { CustomerId = -1 }).ToArray();
        var at = history.Max(e => e.TimeUtc).AddHours(1);
        var latencies = new List<double>();
        for (var i = 0; i < 2000; i++)
        {
            var start = Stopwatch.GetTimestamp();
            recommender.ForCustomer(history, at, 10);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train (generation streamed in): {trainSeconds:F2} s; peak working set after training {peakAfterTrain:F0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"snapshot: {bytes.Length / 1048576.0:F1} MB ({loaded.Similar.EntryCount + loaded.BoughtTogether.EntryCount + loaded.Sequential.EntryCount:N0} neighbour entries); serialize {serializeSeconds * 1000:F0} ms; load median {Median(loadTimes):F0} ms (5 loads)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"for-you top-10, 200-event customer: median {Median(latencies.Skip(200).ToList()):F1} us over 1,800 calls"));
        if (options.Callers > 0)
            ColdPoolServing.Run(loaded, ColdPoolServing.Customers(funnel.Events().Take(2_000_000), options.Callers, 50), options.Callers, 1_000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {PeakMegabytes():F0} MB"));
        return 0;
    }

    /// <summary>The seeded funnel the command line asks for.</summary>
    public static SyntheticFunnelOptions FunnelOptions(CommandLine options) => new()
    {
        Products = options.SyntheticProducts,
        Customers = options.SyntheticCustomers,
        Events = options.SyntheticEvents,
        Seed = options.Seed
    };

    /// <summary>The process's peak working set so far, in MB.</summary>
    public static double PeakMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1048576.0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
