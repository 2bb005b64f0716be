using System.Diagnostics;
using System.Globalization;
using Nop.Plugin.Misc.Personalization.Engine.Insights;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Segments;
using Nop.Plugin.Misc.Personalization.Engine.Synthetic;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Evaluation;

/// <summary>
/// Scale check of the plugin's hourly run under its memory guard: only the newest events the guard allows are held in a
/// list (as the plugin's reader returns them), every store's models are trained from it, then the daily customer
/// insights are built while the models are still referenced, as in the plugin. One size per process.
/// </summary>
public static class SyntheticTrainingRun
{
    public static int Run(CommandLine options)
    {
        var funnelOptions = SyntheticRun.FunnelOptions(options);
        var funnel = new SyntheticFunnel(funnelOptions);
        var products = funnel.Products();
        GC.Collect();
        var baseline = System.Diagnostics.Process.GetCurrentProcess().WorkingSet64 / 1048576.0;
        var maxEvents = options.MemoryGuardMegabytes > 0 ? TrainingMemoryGuard.MaxEvents(options.MemoryGuardMegabytes) : int.MaxValue;
        var (from, kept) = NewestFrom(funnel.Events(), maxEvents);
        //the plugin's reader counts first and sizes its list to the count
        var events = new List<Interaction>(kept);
        events.AddRange(funnel.Events().Where(e => e.TimeUtc >= from));
        var afterRead = SyntheticRun.PeakMegabytes();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"synthetic funnel: {funnelOptions.Events:N0} events generated, {products.Count:N0} products, {funnelOptions.Customers:N0} customers, seed {funnelOptions.Seed}; memory guard {(options.MemoryGuardMegabytes > 0 ? options.MemoryGuardMegabytes.ToString("N0", CultureInfo.InvariantCulture) + " MB = " + maxEvents.ToString("N0", CultureInfo.InvariantCulture) + " events" : "off")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read: {events.Count:N0} events since {from:yyyy-MM-dd HH:mm}; peak working set with them in memory {afterRead:F0} MB"));

        var watch = Stopwatch.StartNew();
        var snapshots = EngineTrainer.TrainStores(events, products, new TrainingOptions { Parallelism = options.Parallelism }, funnelOptions.End);
        var trainSeconds = watch.Elapsed.TotalSeconds;
        var afterTrain = SyntheticRun.PeakMegabytes();

        watch.Restart();
        var segments = BuiltInSegments.All.Select((template, index) => new SegmentDefinition(index + 1, template.Name, SegmentRule.Parse(template.Rule))).ToArray();
        var stores = CustomerInsightsBuilder.Build(events, products, segments, funnelOptions.End, new InsightsOptions());
        var insightsSeconds = watch.Elapsed.TotalSeconds;
        GC.KeepAlive(snapshots);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"models: {trainSeconds:F2} s ({snapshots.Count} store(s)), peak working set {afterTrain:F0} MB; insights: {insightsSeconds:F2} s, {stores.Sum(s => s.Profiles.Count):N0} profiles"));
        var peak = SyntheticRun.PeakMegabytes();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak working set of the whole run: {peak:F0} MB; before reading (runtime and catalogue) {baseline:F0} MB, so the run itself took {peak - baseline:F0} MB"));
        return 0;
    }

    /// <summary>
    /// The start of the oldest whole hour that still fits: counting hours back from the newest, as many as hold at most
    /// <paramref name="maxEvents"/> events (the plugin cuts at an instant; an hour is close enough for a memory check).
    /// </summary>
    private static (DateTime From, int Kept) NewestFrom(IEnumerable<Interaction> events, int maxEvents)
    {
        var perHour = new Dictionary<long, int>();
        foreach (var e in events)
        {
            var hour = e.TimeUtc.Ticks / TimeSpan.TicksPerHour;
            perHour[hour] = perHour.GetValueOrDefault(hour) + 1;
        }

        var kept = 0L;
        var from = DateTime.MaxValue;
        foreach (var (hour, count) in perHour.OrderByDescending(pair => pair.Key))
        {
            if (kept + count > maxEvents)
                break;
            kept += count;
            from = new DateTime(hour * TimeSpan.TicksPerHour, DateTimeKind.Utc);
        }

        return kept == perHour.Values.Sum(count => (long)count) ? (DateTime.MinValue, (int)kept) : (from, (int)kept);
    }
}
