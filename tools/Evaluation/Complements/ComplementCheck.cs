using System.Globalization;
using Evaluation.Methods;
using Evaluation.Protocol;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Complements;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Evaluation.Complements;

/// <summary>
/// Issue #13's complementary-timing check on EVALUATION.md's split: for customers with a purchase in the last 8 weeks
/// of training, do the predicted complements get bought within their predicted window in the test period? Beside it,
/// "bought together" neighbours of the same recent purchases without timing, as many per customer as the timed list
/// has, scored on the whole test period. <see cref="ComplementOptions"/> are the engine's defaults, fixed before this
/// check was first run; nothing here reads the test period except the scoring.
/// </summary>
public static class ComplementCheck
{
    public const int RECENT_DAYS = 56;

    public static void Run(Split split, TrainingOptions training, TextWriter output)
    {
        var start = split.Start;
        var interactions = split.Train.Select(EngineMethod.ToInteraction).ToArray();
        var snapshot = EngineTrainer.Train(interactions, Array.Empty<ProductFacts>(), training, start);
        var options = new ComplementOptions();

        var histories = interactions.GroupBy(e => e.CustomerId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.TimeUtc).ToArray());
        var testPurchases = split.Test.Select(EngineMethod.ToInteraction).ToLookup(e => (e.CustomerId, e.ProductId), e => e.TimeUtc);
        var recentFrom = start.AddDays(-RECENT_DAYS);
        var population = histories.Where(h => h.Value.Any(e => e.TimeUtc >= recentFrom)).Select(h => h.Key).Order().ToArray();

        var timed = new Tally();
        var timedAnyTime = new Tally();
        var together = new Tally();
        var windowDays = new List<double>();
        var windowsPastTestEnd = 0;
        foreach (var customer in population)
        {
            var history = histories[customer];
            var predictions = ComplementPredictor.ForCustomer(snapshot, customer, history, start, options);
            var baseline = BoughtTogether(snapshot, history, start, options, predictions.Count);

            timed.Add(predictions.Count, predictions.Count(p => testPurchases[(customer, p.ProductId)].Any(p.Covers)));
            timedAnyTime.Add(predictions.Count, predictions.Count(p => testPurchases[(customer, p.ProductId)].Any()));
            together.Add(baseline.Count, baseline.Count(productId => testPurchases[(customer, productId)].Any()));
            windowDays.AddRange(predictions.Select(p => p.WindowDays));
            windowsPastTestEnd += predictions.Count(p => p.WindowEndUtc >= split.End);
        }

        var inv = CultureInfo.InvariantCulture;
        windowDays.Sort();
        output.WriteLine(string.Create(inv, $"complement check: {population.Length:N0} customers with a purchase in the {RECENT_DAYS} days before {start:yyyy-MM-dd}; test {start:yyyy-MM-dd} .. {split.End.AddDays(-1):yyyy-MM-dd}"));
        output.WriteLine(string.Create(inv, $"options: {options.MaxPerCustomer} per customer, window = {options.WindowLagMultiple} x median lag clamped to [{options.MinWindowDays}, {options.MaxWindowDays}] days"));
        output.WriteLine(string.Create(inv, $"windows: median {(windowDays.Count == 0 ? 0 : windowDays[windowDays.Count / 2]):F1} days; {windowsPastTestEnd:N0} of {windowDays.Count:N0} end after the test period"));
        output.WriteLine("method | customers with a list | predictions | hits | HR (all customers) | HR (with a list) | precision");
        timed.WriteTo(output, "timed complements, bought within their window", population.Length);
        timedAnyTime.WriteTo(output, "timed complements, bought any time in test", population.Length);
        together.WriteTo(output, "bought together (no timing), any time in test", population.Length);
    }

    /// <summary>
    /// The untimed comparison: for the same anchors the predictor considers (products bought within its longest
    /// window), their "bought together" neighbours by table score (best anchor per product), with the same exclusions
    /// (owned and not replenishable, or bought at or after the anchor), cut to <paramref name="length"/>.
    /// </summary>
    private static List<int> BoughtTogether(ModelSnapshot snapshot, Interaction[] history, DateTime now, ComplementOptions options, int length)
    {
        var last = new Dictionary<int, DateTime>();
        foreach (var e in history)
            last[e.ProductId] = last.TryGetValue(e.ProductId, out var t) && t > e.TimeUtc ? t : e.TimeUtc;

        var best = new Dictionary<int, double>();
        foreach (var (anchor, anchorUtc) in last)
        {
            var a = snapshot.Catalog.IndexOf(anchor);
            if (a < 0 || (now - anchorUtc).TotalDays > options.MaxWindowDays)
                continue;
            var neighbours = snapshot.BoughtTogether.NeighboursOf(a);
            var scores = snapshot.BoughtTogether.ScoresOf(a);
            for (var r = 0; r < neighbours.Length; r++)
            {
                var productId = snapshot.Catalog.ProductIdAt(neighbours[r]);
                if (last.TryGetValue(productId, out var bought) && (bought >= anchorUtc || !snapshot.Repeat.IsReplenishable(neighbours[r])))
                    continue;
                if (scores[r] > best.GetValueOrDefault(productId))
                    best[productId] = scores[r];
            }
        }

        return best.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(length).Select(p => p.Key).ToList();
    }

    private sealed class Tally
    {
        private int _customersWithList;
        private int _customersHit;
        private int _predictions;
        private int _hits;

        public void Add(int predictions, int hits)
        {
            _customersWithList += predictions > 0 ? 1 : 0;
            _customersHit += hits > 0 ? 1 : 0;
            _predictions += predictions;
            _hits += hits;
        }

        public void WriteTo(TextWriter output, string name, int population)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} | {_customersWithList:N0} | {_predictions:N0} | {_hits:N0} | {(double)_customersHit / population:F4} | {(double)_customersHit / Math.Max(1, _customersWithList):F4} | {(double)_hits / Math.Max(1, _predictions):F4}"));
        }
    }
}
