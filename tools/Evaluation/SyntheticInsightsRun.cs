using System.Diagnostics;
using System.Globalization;
using Nop.Plugin.Misc.Personalization.Engine.Insights;
using Nop.Plugin.Misc.Personalization.Engine.Segments;
using Nop.Plugin.Misc.Personalization.Engine.Synthetic;

namespace Evaluation;

/// <summary>
/// Scale check of the daily customer-insights pass: the events are held in a list as the plugin's reader returns them,
/// then profiles, the built-in segments and the replenishment predictions are built. One size per process.
/// </summary>
public static class SyntheticInsightsRun
{
    public static int Run(CommandLine options)
    {
        var funnelOptions = SyntheticRun.FunnelOptions(options);
        var funnel = new SyntheticFunnel(funnelOptions);
        var products = funnel.Products();
        var events = funnel.Events().ToList();
        var afterRead = SyntheticRun.PeakMegabytes();
        var segments = BuiltInSegments.All.Select((template, index) => new SegmentDefinition(index + 1, template.Name, SegmentRule.Parse(template.Rule))).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"synthetic funnel: {events.Count:N0} events, {products.Count:N0} products, {funnelOptions.Customers:N0} customers, seed {funnelOptions.Seed}; peak working set with the events in memory {afterRead:F0} MB"));

        var watch = Stopwatch.StartNew();
        var stores = CustomerInsightsBuilder.Build(events, products, segments, funnelOptions.End, new InsightsOptions());
        var seconds = watch.Elapsed.TotalSeconds;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"insights: {seconds:F2} s; {stores.Sum(s => s.Profiles.Count):N0} profiles, {stores.Sum(s => s.Predictions.Count):N0} predictions due within 60 days; peak working set {SyntheticRun.PeakMegabytes():F0} MB"));
        foreach (var size in stores.SelectMany(s => s.SegmentSizes))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {size.Name}: {size.Members:N0}{(size.Warning == null ? string.Empty : " (" + size.Warning + ")")}"));
        return 0;
    }
}
