namespace Nop.Plugin.Misc.Personalization.Engine.Replenishment;

/// <summary>
/// How a product is re-bought: the intervals in days between distinct purchase days of the same customer, pooled over
/// its repeat buyers. Quantiles interpolate linearly; spread is given both as IQR and as MAD.
/// </summary>
/// <param name="Buyers">Customers who bought the product at least once.</param>
/// <param name="RepeatBuyers">Customers who bought it on two or more distinct days (the support).</param>
/// <param name="Intervals">Number of pooled intervals; 0 means no interval statistic is defined (all NaN).</param>
/// <param name="RepeatPropensity">Share of buyers who re-buy, shrunk towards the store-wide share; usable by recommenders.</param>
public sealed record ProductCycle(
    int StoreId,
    int ProductId,
    int Buyers,
    int RepeatBuyers,
    int Intervals,
    double MedianDays,
    double LowerQuartileDays,
    double UpperQuartileDays,
    double MadDays,
    double RepeatPropensity,
    bool Replenishable)
{
    public double IqrDays => UpperQuartileDays - LowerQuartileDays;

    /// <summary>
    /// 1 for a perfectly regular product, towards 0 as the spread grows relative to the cycle.
    /// </summary>
    public double Regularity => Intervals == 0 || MedianDays <= 0 ? 0 : MedianDays / (MedianDays + IqrDays);
}
