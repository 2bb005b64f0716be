namespace Nop.Plugin.Misc.Personalization.Engine.Profiles;

/// <summary>
/// Judges a customer's lifecycle stage against their own usual gap between orders.
/// </summary>
public static class LifecycleRules
{
    /// <param name="orders">Distinct orders of the customer.</param>
    /// <param name="daysSinceLastOrder">Null without an order.</param>
    /// <param name="ownMedianGapDays">The customer's median gap between order days; null with fewer than two order days.</param>
    /// <param name="storeGapDays">The usual gap in the store, used for customers without their own rhythm.</param>
    public static LifecycleStage Stage(int orders, double? daysSinceLastOrder, double? ownMedianGapDays, double storeGapDays, ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (orders == 0 || daysSinceLastOrder == null)
            return LifecycleStage.None;

        var elapsed = daysSinceLastOrder.Value;
        if (ownMedianGapDays == null && elapsed <= options.NewWithinDays)
            return LifecycleStage.New;

        var usualGap = Math.Max(ownMedianGapDays ?? storeGapDays, options.MinGapDays);
        if (elapsed <= options.AtRiskGapMultiple * usualGap)
            return LifecycleStage.Active;

        return elapsed <= options.LapsedGapMultiple * usualGap ? LifecycleStage.AtRisk : LifecycleStage.Lapsed;
    }
}
