namespace Nop.Plugin.Misc.Personalization.Engine.Serving;

/// <summary>What "for you" does with products the customer already bought.</summary>
public enum PurchasedProducts : byte
{
    /// <summary>Keep them (ranked by repeat propensity); for "buy again" placements.</summary>
    Include = 0,

    /// <summary>Drop them unless the model considers them replenishable; the default.</summary>
    ExcludeUnlessReplenishable = 1,

    /// <summary>Drop them all; for discovery placements.</summary>
    Exclude = 2,

    /// <summary>Nothing but them, ranked by repeat propensity (the "all products" order); for "buy it again" placements.</summary>
    Only = 3
}
