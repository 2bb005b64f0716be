namespace Nop.Plugin.Misc.Personalization.Engine.Replenishment;

/// <summary>
/// Knobs of replenishment prediction. The defaults are deliberately a little conservative on support; on the UCI Online
/// Retail check, validation inside the training period picked k = 1, support 2, tolerance 0.25, and these defaults
/// scored within 0.002 F1 of that choice on the test window (see the evaluation tool's replenishment check).
/// </summary>
public sealed class ReplenishmentOptions
{
    /// <summary>A product is replenishable when at least this many customers bought it on two or more distinct days.</summary>
    public int MinRepeatCustomers { get; init; } = 5;

    /// <summary>
    /// Shrinkage of a customer's own cycle towards the product's: the own median weighs n / (n + k) with n the
    /// customer's own interval count for the product.
    /// </summary>
    public double ShrinkageK { get; init; } = 2;

    /// <summary>
    /// A prediction counts as due in a window when its due date lies within the window widened on both sides by this
    /// fraction of the predicted cycle (so a long-overdue pair — the customer probably stopped — is not "due").
    /// </summary>
    public double WindowTolerance { get; init; } = 0.25;

    /// <summary>Distinct purchase days a customer needs on a product before a due date is predicted (1 = any buyer).</summary>
    public int MinCustomerPurchaseDays { get; init; } = 2;

    /// <summary>Strength (in buyers) of the store-wide prior in <see cref="ProductCycle.RepeatPropensity"/>.</summary>
    public double PropensityPriorBuyers { get; init; } = 10;
}
