using System.Globalization;

namespace Evaluation.Replenishment;

/// <summary>
/// Outcome of the replenishment check: engine and baselines on the test window, and what validation chose.
/// </summary>
public sealed record ReplenishmentReport(
    DateTime WindowStart,
    DateTime WindowEndExclusive,
    int TrainEvents,
    int TestEvents,
    int Pairs,
    int Rebought,
    IReadOnlyList<MethodResult> Methods,
    ValidationResult Validation)
{
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);

        var chosen = Validation.Chosen;
        writer.WriteLine("== Replenishment check ==");
        writer.WriteLine(Invariant($"window [{WindowStart:yyyy-MM-dd HH:mm}, {WindowEndExclusive:yyyy-MM-dd HH:mm}); train events {TrainEvents:N0}, test events {TestEvents:N0}"));
        writer.WriteLine(Invariant($"pairs (customer, product) with >= 2 train purchase days: {Pairs:N0}; re-bought in window: {Rebought:N0} ({Share(Rebought, Pairs):P1})"));
        writer.WriteLine(Invariant($"validation (train only): fit before {Validation.WindowStart:yyyy-MM-dd}, predict [{Validation.WindowStart:yyyy-MM-dd}, {Validation.WindowEndExclusive:yyyy-MM-dd}); pairs {Validation.Pairs:N0}, re-bought {Validation.Rebought:N0}"));
        writer.WriteLine(Invariant($"  chosen by F1 over {Validation.Grid.Count} grid points: shrinkage k = {chosen.ShrinkageK}, min repeat customers = {chosen.MinRepeatCustomers}, window tolerance = {chosen.WindowTolerance} x cycle"));
        writer.WriteLine(Invariant($"  validation: engine P {Validation.ChosenResult.Precision:F3} R {Validation.ChosenResult.Recall:F3} F1 {Validation.ChosenResult.F1:F3}; naive P {Validation.Naive.Precision:F3} R {Validation.Naive.Recall:F3} F1 {Validation.Naive.F1:F3}"));
        writer.WriteLine();
        writer.WriteLine(Invariant($"{"method",-58} {"predicted",9} {"hits",7} {"precision",9} {"recall",7} {"F1",6} {"MAE days",8} {"n cal",6}"));
        foreach (var method in Methods)
        {
            var calibration = double.IsNaN(method.CalibrationMedianAbsErrorDays) ? "-" : method.CalibrationMedianAbsErrorDays.ToString("F1", CultureInfo.InvariantCulture);
            writer.WriteLine(Invariant($"{method.Name,-58} {method.Predicted,9} {method.Hits,7} {method.Precision,9:F3} {method.Recall,7:F3} {method.F1,6:F3} {calibration,8} {method.CalibrationPairs,6}"));
        }
    }

    private static double Share(int part, int whole)
    {
        return whole == 0 ? 0 : (double)part / whole;
    }

    private static string Invariant(FormattableString text)
    {
        return text.ToString(CultureInfo.InvariantCulture);
    }
}
