namespace Nop.Plugin.Misc.Personalization.Engine.Replenishment;

/// <summary>
/// When a customer is expected to need a product again, predicted from their last purchase of it.
/// </summary>
/// <param name="OwnMedianDays">The customer's own median interval; null without own intervals.</param>
/// <param name="OwnIntervals">The customer's own interval count n for this product.</param>
/// <param name="OwnWeight">n / (n + k): how much the own median counts in <paramref name="CycleDays"/>.</param>
/// <param name="CycleDays">Blended cycle: OwnWeight × own median + (1 − OwnWeight) × product median.</param>
/// <param name="Confidence">Time-independent, in (0, 1]: product regularity × (n + 1) / (n + 2) (Laplace's rule of
/// succession on the customer's own re-buys).</param>
/// <param name="WidthDays">Uncertainty of the due date in days: the product's relative spread scaled to this cycle.</param>
public sealed record ReplenishmentPrediction(
    int StoreId,
    int CustomerId,
    int ProductId,
    DateTime LastPurchaseUtc,
    DateTime DueUtc,
    double CycleDays,
    double? OwnMedianDays,
    int OwnIntervals,
    double OwnWeight,
    double ProductMedianDays,
    double Confidence,
    double WidthDays)
{
    /// <summary>
    /// How fitting a reminder is at <paramref name="nowUtc"/>: confidence × a bell around the due date.
    /// </summary>
    public double ScoreAt(DateTime nowUtc)
    {
        var z = (nowUtc - DueUtc).TotalDays / WidthDays;
        return Confidence * Math.Exp(-0.5 * z * z);
    }

    /// <summary>
    /// True when the due date lies in [start, end] widened by <paramref name="tolerance"/> × cycle on both sides.
    /// </summary>
    public bool IsDueWithin(DateTime startUtc, DateTime endUtc, double tolerance)
    {
        var slack = TimeSpan.FromDays(tolerance * CycleDays);
        return DueUtc >= startUtc - slack && DueUtc <= endUtc + slack;
    }
}

/// <summary>
/// One entry of a customer's "due soon" list.
/// </summary>
/// <param name="Reason">Short reason shown to the customer and the admin, e.g. "due for reorder".</param>
/// <param name="Detail">Explanation for debugging, e.g. "bought every ~30 days; last bought 28 days ago".</param>
public sealed record DueItem(ReplenishmentPrediction Prediction, double Score, string Reason, string Detail)
{
    public int ProductId => Prediction.ProductId;
}
