namespace Nop.Plugin.Misc.Personalization.Engine.Replenishment;

/// <summary>
/// Knobs of replenishment prediction. Defaults were chosen on a validation split of the training period of the
/// UCI Online Retail data (see the evaluation tool's replenishment check); re-tune for a very different shop.
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
