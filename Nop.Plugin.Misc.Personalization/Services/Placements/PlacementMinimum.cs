namespace Nop.Plugin.Misc.Personalization.Services.Placements;

/// <summary>Whether the shop's minimum number of products per placement (against blocks of filler) applies to a strategy.</summary>
public static class PlacementMinimum
{
    /// <summary>"Back in stock for you" exists for a single product the shopper was waiting for: the minimum does not apply.</summary>
    public static bool AppliesTo(PlacementStrategy strategy) => strategy != PlacementStrategy.BackInStockForYou;
}
