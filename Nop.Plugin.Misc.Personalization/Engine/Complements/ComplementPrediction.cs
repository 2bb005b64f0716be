namespace Nop.Plugin.Misc.Personalization.Engine.Complements;

/// <summary>
/// A product a customer is expected to buy after one they bought: "you bought A on <see cref="AnchorUtc"/>; B usually
/// follows within the window".
/// </summary>
/// <param name="AnchorProductId">The customer's purchase B usually follows (A).</param>
/// <param name="AnchorUtc">The customer's latest purchase of A; the window starts there.</param>
/// <param name="ExpectedUtc">Anchor + the pair's median lag: by then half of the customers who follow A with B have.</param>
/// <param name="WindowEndUtc">Anchor + the window (<see cref="ComplementOptions.WindowLagMultiple"/> median lags,
/// clamped): the prediction holds until then.</param>
/// <param name="Strength">The pair's score in the sequential table.</param>
/// <param name="Score">Strength × the share of the window still ahead at prediction time; ranks a customer's list.</param>
public sealed record ComplementPrediction(
    int StoreId,
    int CustomerId,
    int ProductId,
    int AnchorProductId,
    DateTime AnchorUtc,
    DateTime ExpectedUtc,
    DateTime WindowEndUtc,
    double MedianLagDays,
    double Strength,
    double Score)
{
    public double WindowDays => (WindowEndUtc - AnchorUtc).TotalDays;

    /// <summary>Whether a purchase at <paramref name="timeUtc"/> fulfils the prediction (after the anchor, within the window).</summary>
    public bool Covers(DateTime timeUtc) => timeUtc > AnchorUtc && timeUtc <= WindowEndUtc;
}
