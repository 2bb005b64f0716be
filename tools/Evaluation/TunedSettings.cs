using System.Globalization;
using Evaluation.Methods;
using Evaluation.Protocol;
using Nop.Plugin.Misc.Personalization;
using Nop.Plugin.Misc.Personalization.Engine.Training;
using Nop.Plugin.Misc.Personalization.Engine.Tuning;
using Nop.Plugin.Misc.Personalization.Services.Models;

namespace Evaluation;

/// <summary>
/// The engine settings a run uses. "tuned": those chosen by <c>--validate</c> (coordinate descent on the last four weeks
/// of the training period; see docs/benchmarks.md), which the plugin ships as its purchase-tuned profile; nothing in
/// them was chosen by looking at the test period. "shop": what a fresh install starts from. "auto": what a shop with
/// this history would choose between the two, judged on the last four weeks of the training period.
/// </summary>
public static class TunedSettings
{
    public static TrainingOptions Options() => PurchaseTunedProfile.Options();

    public static TrainingOptions For(CommandLine options, Split split = null)
    {
        var settings = Chosen(options, split);
        return options.Seasonal ? SeasonalRun.Apply(settings) : settings;
    }

    private static TrainingOptions Chosen(CommandLine options, Split split)
    {
        if (options.Settings == "tuned")
            return Options();

        //only now: a shop's settings make a tracking key, and loading the cryptography libraries for it costs ~6 MB of
        //working set that the tuned run's peak-memory figure should not carry
        var shop = PersonalizationSettings.Defaults();
        switch (options.Settings)
        {
            case "shop":
                return TrainingOptionsFactory.From(shop, TrainingProfiles.ENGINE_DEFAULTS);
            case "auto" when split != null:
                var interactions = split.Train.Select(EngineMethod.ToInteraction).ToList();
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var selection = ProfileSelector.Choose(interactions, Array.Empty<Nop.Plugin.Misc.Personalization.Engine.Catalog.ProductFacts>(), TrainingProfiles.Candidates(shop), split.Start);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"profile chosen on the training period: {selection.Profile} ({selection.ValidationCustomers:N0} customers; {selection.Reason}) in {watch.Elapsed.TotalSeconds:F2} s"));
                foreach (var score in selection.Scores)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {score.Profile}: new products {score.DiscoveryNdcg:F4}, all {score.AllNdcg:F4}"));
                return TrainingOptionsFactory.From(shop, selection.Profile);
            case "auto":
                throw new ArgumentException("--settings auto needs the training period");
            default:
                return Options();
        }
    }
}
