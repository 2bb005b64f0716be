using Evaluation.Data;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Engine.Replenishment;

namespace Evaluation.Replenishment;

/// <summary>
/// EVALUATION.md's replenishment check: for every (customer, product) with at least two train purchases on different
/// days, does the engine predict a re-buy due in the window, and when? Options are chosen on a validation split inside
/// the train period (its last stretch, as long as the test window), never on the test period.
/// </summary>
public static class ReplenishmentCheck
{
    private const int STORE_ID = 1;

    private static readonly double[] _shrinkageGrid = { 0.5, 1, 2, 4, 8 };
    private static readonly int[] _supportGrid = { 2, 3, 5, 10, 20 };
    private static readonly double[] _toleranceGrid = { 0, 0.1, 0.25, 0.5, 1, 2 };

    /// <param name="windowEnd">Last day of the window; a date without time of day includes that whole day.</param>
    public static ReplenishmentReport Run(IReadOnlyList<PurchaseEvent> train, IReadOnlyList<PurchaseEvent> test, DateTime windowStart, DateTime windowEnd)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);

        var windowEndExclusive = EndExclusive(windowEnd);
        var validationStart = windowStart - (windowEndExclusive - windowStart);
        var validation = RunValidation(train, validationStart, windowStart);

        var history = PurchaseHistory.From(ToInteractions(train.Where(e => e.Time < windowStart)), windowStart);
        var truth = FirstRebuys(test, windowStart, windowEndExclusive);
        var pairs = EvaluationPairs(history);
        var chosen = validation.Chosen;
        var defaults = new ReplenishmentOptions();
        var methods = new List<MethodResult>
        {
            Score("engine (options chosen on validation)", pairs, truth, ReplenishmentModel.Build(history, chosen), windowStart, windowEndExclusive),
            Score("engine (default options)", pairs, truth, ReplenishmentModel.Build(history, defaults), windowStart, windowEndExclusive),
            Score("own cycle only (k=0, support 1, chosen tolerance)", pairs, truth, ReplenishmentModel.Build(history, With(chosen, k: 1e-9, support: 1)), windowStart, windowEndExclusive),
            Score("product cycle only (k=inf, chosen support and tolerance)", pairs, truth, ReplenishmentModel.Build(history, With(chosen, k: 1e12, support: chosen.MinRepeatCustomers)), windowStart, windowEndExclusive),
            Naive(pairs, truth)
        };

        return new ReplenishmentReport(windowStart, windowEndExclusive, train.Count, test.Count, pairs.Count, Rebought(pairs, truth), methods, validation);
    }

    /// <summary>
    /// Tunes k, min support and window tolerance on train alone: fit on train events before
    /// <paramref name="validationStart"/>, predict re-buys in [validationStart, validationEndExclusive), maximise F1.
    /// Ties keep the first grid point (grid order: k, support, tolerance ascending), so the choice is deterministic.
    /// </summary>
    public static ValidationResult RunValidation(IReadOnlyList<PurchaseEvent> train, DateTime validationStart, DateTime validationEndExclusive)
    {
        ArgumentNullException.ThrowIfNull(train);

        var history = PurchaseHistory.From(ToInteractions(train.Where(e => e.Time < validationStart)), validationStart);
        var truth = FirstRebuys(train, validationStart, validationEndExclusive);
        var pairs = EvaluationPairs(history);
        var grid = new List<GridPoint>();
        foreach (var k in _shrinkageGrid)
        {
            foreach (var support in _supportGrid)
            {
                // tolerance only changes the window test, so one model serves every tolerance
                var model = ReplenishmentModel.Build(history, With(new ReplenishmentOptions(), k, support));
                foreach (var tolerance in _toleranceGrid)
                {
                    var result = Score("validation", pairs, truth, model, tolerance, validationStart, validationEndExclusive);
                    grid.Add(new GridPoint(With(model.Options, k, support, tolerance), result));
                }
            }
        }

        var best = grid[0];
        foreach (var point in grid)
        {
            if (point.Result.F1 > best.Result.F1)
                best = point;
        }

        return new ValidationResult(validationStart, validationEndExclusive, pairs.Count, Rebought(pairs, truth), best.Options, best.Result, Naive(pairs, truth), grid);
    }

    private static ReplenishmentOptions With(ReplenishmentOptions options, double k, int support, double? tolerance = null)
    {
        return new ReplenishmentOptions
        {
            ShrinkageK = k,
            MinRepeatCustomers = support,
            WindowTolerance = tolerance ?? options.WindowTolerance,
            MinCustomerPurchaseDays = 2,
            PropensityPriorBuyers = options.PropensityPriorBuyers
        };
    }

    private static DateTime EndExclusive(DateTime windowEnd)
    {
        return windowEnd.TimeOfDay == TimeSpan.Zero ? windowEnd.AddDays(1) : windowEnd.AddTicks(1);
    }

    private static IEnumerable<Interaction> ToInteractions(IEnumerable<PurchaseEvent> events)
    {
        return events.Select(e => new Interaction(STORE_ID, e.User, e.Item, InteractionType.Purchase, e.Time, (int)Math.Round(e.Quantity), (decimal)e.Price, e.Invoice));
    }

    private static List<PairHistory> EvaluationPairs(PurchaseHistory history)
    {
        return history.Pairs.Where(pair => pair.Days.Length >= 2).ToList();
    }

    private static Dictionary<(int User, int Item), DateTime> FirstRebuys(IEnumerable<PurchaseEvent> events, DateTime start, DateTime endExclusive)
    {
        var first = new Dictionary<(int, int), DateTime>();
        foreach (var e in events)
        {
            if (e.Time < start || e.Time >= endExclusive)
                continue;
            if (!first.TryGetValue((e.User, e.Item), out var time) || e.Time < time)
                first[(e.User, e.Item)] = e.Time;
        }

        return first;
    }

    private static MethodResult Score(string name, List<PairHistory> pairs, Dictionary<(int, int), DateTime> truth, ReplenishmentModel model, DateTime start, DateTime endExclusive)
    {
        return Score(name, pairs, truth, model, model.Options.WindowTolerance, start, endExclusive);
    }

    private static MethodResult Score(string name, List<PairHistory> pairs, Dictionary<(int, int), DateTime> truth, ReplenishmentModel model, double tolerance, DateTime start, DateTime endExclusive)
    {
        int predicted = 0, hits = 0;
        var errors = new List<double>();
        foreach (var pair in pairs)
        {
            var prediction = model.Prediction(pair.StoreId, pair.CustomerId, pair.ProductId);
            var rebought = truth.TryGetValue((pair.CustomerId, pair.ProductId), out var rebuy);
            if (prediction != null && rebought)
                errors.Add(Math.Abs((rebuy - prediction.DueUtc).TotalDays));
            if (prediction == null || !prediction.IsDueWithin(start, endExclusive, tolerance))
                continue;

            predicted++;
            if (rebought)
                hits++;
        }

        return MethodResult.Of(name, predicted, hits, Rebought(pairs, truth), errors);
    }

    private static int Rebought(List<PairHistory> pairs, Dictionary<(int User, int Item), DateTime> truth)
    {
        return pairs.Count(pair => truth.ContainsKey((pair.CustomerId, pair.ProductId)));
    }

    private static MethodResult Naive(List<PairHistory> pairs, Dictionary<(int, int), DateTime> truth)
    {
        var rebought = Rebought(pairs, truth);
        return MethodResult.Of("naive: every pair due", pairs.Count, rebought, rebought, new List<double>());
    }
}

/// <param name="CalibrationMedianAbsErrorDays">Median |first re-buy in window − predicted due date| over re-bought pairs
/// that have a due date; NaN when the method has no due date.</param>
/// <param name="CalibrationPairs">How many re-bought pairs the calibration covers.</param>
public sealed record MethodResult(string Name, int Predicted, int Hits, double Precision, double Recall, double F1, double CalibrationMedianAbsErrorDays, int CalibrationPairs)
{
    public static MethodResult Of(string name, int predicted, int hits, int positives, List<double> errors)
    {
        var precision = predicted == 0 ? 0 : (double)hits / predicted;
        var recall = positives == 0 ? 0 : (double)hits / positives;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var calibration = errors.Count == 0 ? double.NaN : Statistics.Median(errors);
        return new MethodResult(name, predicted, hits, precision, recall, f1, calibration, errors.Count);
    }
}

public sealed record GridPoint(ReplenishmentOptions Options, MethodResult Result);

public sealed record ValidationResult(
    DateTime WindowStart,
    DateTime WindowEndExclusive,
    int Pairs,
    int Rebought,
    ReplenishmentOptions Chosen,
    MethodResult ChosenResult,
    MethodResult Naive,
    IReadOnlyList<GridPoint> Grid);
