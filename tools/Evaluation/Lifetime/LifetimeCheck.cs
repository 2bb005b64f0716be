using System.Diagnostics;
using System.Globalization;
using Evaluation.Data;
using Evaluation.Methods;
using Evaluation.Protocol;
using Nop.Plugin.Misc.Personalization.Engine.Lifetime;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;

namespace Evaluation.Lifetime;

/// <summary>
/// Issue #13's predicted-lifetime check on EVALUATION.md's split. Population: every customer with a train purchase.
/// The BG/NBD model is fitted on train purchases only and predicts each customer's purchase days in the test period
/// (its length in days). The baseline is the plugin's lifecycle stage: each customer gets the mean number of purchase
/// days that customers of the same stage had in the last equally long window of training (stages judged at that
/// window's start). Actual = distinct purchase days in the test period. Nothing is tuned; the test period is read only
/// to score.
/// </summary>
public static class LifetimeCheck
{
    public static void Run(Split split, string outDir, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        var start = split.Start;
        var horizon = (split.End - start).TotalDays;
        var options = new LifetimeOptions();
        var profileOptions = new ProfileOptions();

        var trainTimes = split.Train.GroupBy(e => e.User).ToDictionary(g => g.Key, g => (IReadOnlyList<DateTime>)g.Select(e => e.Time).ToArray());
        var actual = split.Test.GroupBy(e => e.User).ToDictionary(g => g.Key, g => g.Select(e => e.Time.Date).Distinct().Count());
        var customers = trainTimes.Keys.Order().ToArray();

        var watch = Stopwatch.StartNew();
        var summaries = customers.Select(c => PurchaseSummary.Of(trainTimes[c], start)!.Value).ToArray();
        var parameters = BgNbdFitter.Fit(summaries, options)
            ?? throw new InvalidOperationException("The BG/NBD model could not be fitted on the training period.");
        var fitSeconds = watch.Elapsed.TotalSeconds;

        var stageNow = Stages(split.Train, start, profileOptions);
        var stageRate = StageRates(split.Train, start.AddDays(-horizon), start, profileOptions);
        var overallRate = stageRate.Values.Sum(v => v.Total) / Math.Max(1, stageRate.Values.Sum(v => v.Count));

        var rows = new List<Row>(customers.Length);
        for (var i = 0; i < customers.Length; i++)
        {
            var stage = stageNow[customers[i]];
            var baseline = stageRate.TryGetValue(stage, out var rate) ? rate.Total / rate.Count : overallRate;
            rows.Add(new Row(customers[i], summaries[i], stage,
                BgNbdModel.ProbabilityAlive(parameters, summaries[i]),
                BgNbdModel.ExpectedPurchases(parameters, summaries[i], horizon),
                baseline,
                actual.GetValueOrDefault(customers[i])));
        }

        output.WriteLine(string.Create(inv, $"lifetime check: {rows.Count:N0} customers with a train purchase; fit on purchases before {start:yyyy-MM-dd}; predict purchase days in {start:yyyy-MM-dd} .. {split.End.AddDays(-1):yyyy-MM-dd} ({horizon:F0} days)"));
        output.WriteLine(string.Create(inv, $"BG/NBD (days, purchase days as transactions): r = {parameters.R:F4}, alpha = {parameters.Alpha:F3}, a = {parameters.A:F4}, b = {parameters.B:F4}; {summaries.Count(s => s.Frequency > 0):N0} repeat customers; fit {fitSeconds:F2} s"));
        output.WriteLine("stage baseline (mean purchase days in the last " + horizon.ToString("F0", inv) + " train days, by stage at that window's start): "
            + string.Join(", ", stageRate.OrderBy(p => p.Key).Select(p => string.Create(inv, $"{p.Key} {p.Value.Total / p.Value.Count:F3} (n={p.Value.Count})"))));
        output.WriteLine(string.Create(inv, $"customers by stage now: {string.Join(", ", rows.GroupBy(r => r.Stage).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}"));
        output.WriteLine(string.Create(inv, $"actual: {rows.Sum(r => r.Actual):N0} purchase days; {rows.Count(r => r.Actual > 0):N0} customers bought"));
        Report(output, "BG/NBD", rows, r => r.Predicted);
        Report(output, "lifecycle stage", rows, r => r.Baseline);
        AliveReport(output, rows);

        if (outDir == null)
            return;
        Directory.CreateDirectory(outDir);
        var path = Path.Combine(outDir, "lifetime.csv");
        using var writer = new StreamWriter(path);
        writer.NewLine = "\n";
        writer.WriteLine("user,frequency,recency_days,age_days,stage,p_alive,predicted,baseline,actual");
        foreach (var r in rows)
            writer.WriteLine(string.Create(inv, $"{r.User},{r.Summary.Frequency},{r.Summary.Recency:R},{r.Summary.Age:R},{r.Stage},{r.Alive:R},{r.Predicted:R},{r.Baseline:R},{r.Actual}"));
        output.WriteLine($"wrote {path}");
    }

    private static void Report(TextWriter output, string name, List<Row> rows, Func<Row, double> predict)
    {
        var inv = CultureInfo.InvariantCulture;
        var sorted = rows.OrderBy(predict).ThenBy(r => r.User).ToArray();
        output.WriteLine($"{name}: decile | customers | mean predicted | mean actual");
        for (var d = 0; d < 10; d++)
        {
            var from = d * sorted.Length / 10;
            var to = (d + 1) * sorted.Length / 10;
            var slice = sorted[from..to];
            output.WriteLine(string.Create(inv, $"  {d + 1} | {slice.Length} | {slice.Average(predict):F3} | {slice.Average(r => r.Actual):F3}"));
        }

        var predicted = rows.Select(predict).ToArray();
        var actual = rows.Select(r => (double)r.Actual).ToArray();
        var mae = predicted.Zip(actual, (p, a) => Math.Abs(p - a)).Average();
        var rmse = Math.Sqrt(predicted.Zip(actual, (p, a) => (p - a) * (p - a)).Average());
        output.WriteLine(string.Create(inv, $"{name}: total predicted {predicted.Sum():F1} vs actual {actual.Sum():F0}; MAE {mae:F4}; RMSE {rmse:F4}; Pearson {Pearson(predicted, actual):F4}"));
    }

    private static void AliveReport(TextWriter output, List<Row> rows)
    {
        var alive = rows.Select(r => r.Alive).Order().ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p_alive: min {alive[0]:F4}, p10 {Statistics.QuantileOfSorted(alive, 0.1):F4}, median {Statistics.QuantileOfSorted(alive, 0.5):F4}, max {alive[^1]:F4}"));
        foreach (var (label, group) in new[] { ("p_alive < 0.3", rows.Where(r => r.Alive < 0.3)), ("p_alive >= 0.3", rows.Where(r => r.Alive >= 0.3)) })
        {
            var list = group.ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: {list.Count:N0} customers, {(list.Count == 0 ? 0 : (double)list.Count(r => r.Actual > 0) / list.Count):P1} bought in test"));
        }
    }

    private static double Pearson(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Every customer's lifecycle stage as of <paramref name="asOf"/>, judged as the plugin's profiles judge it.</summary>
    private static Dictionary<int, LifecycleStage> Stages(List<PurchaseEvent> train, DateTime asOf, ProfileOptions options)
    {
        var histories = train.Where(e => e.Time < asOf).GroupBy(e => e.User)
            .ToDictionary(g => g.Key, g => OrderHistory.Of(g.Select(EngineMethod.ToInteraction)));
        var storeGap = ProfileBuilder.StoreGapDays(histories.Values.Select(h => h.MedianGapDays), options);
        return histories.ToDictionary(
            h => h.Key,
            h => LifecycleRules.Stage(h.Value.Orders, (asOf - h.Value.LastOrderUtc!.Value).TotalDays, h.Value.MedianGapDays, storeGap, options));
    }

    /// <summary>Per stage at <paramref name="windowStart"/>: customers and their summed purchase days in [windowStart, windowEnd).</summary>
    private static Dictionary<LifecycleStage, (double Total, int Count)> StageRates(List<PurchaseEvent> train, DateTime windowStart, DateTime windowEnd, ProfileOptions options)
    {
        var bought = train.Where(e => e.Time >= windowStart && e.Time < windowEnd).GroupBy(e => e.User)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Time.Date).Distinct().Count());
        return Stages(train, windowStart, options).GroupBy(s => s.Value)
            .ToDictionary(g => g.Key, g => ((double)g.Sum(s => bought.GetValueOrDefault(s.Key)), g.Count()));
    }

    private sealed record Row(int User, PurchaseSummary Summary, LifecycleStage Stage, double Alive, double Predicted, double Baseline, int Actual);
}
