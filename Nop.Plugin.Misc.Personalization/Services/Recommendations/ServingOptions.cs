namespace Nop.Plugin.Misc.Personalization.Services.Recommendations;

public sealed record ServingOptions
{
    /// <summary>Fewer products than this and the placement hides rather than showing filler.</summary>
    public int MinimumCount { get; init; } = 2;

    /// <summary>Diversity: at most this many products of one (first) category per placement.</summary>
    public int MaxPerCategory { get; init; } = 3;

    /// <summary>Only products in stock are shown.</summary>
    public bool RequireStock { get; init; } = true;

    /// <summary>Products with at most this many units left are placed last (or first, see <see cref="PromoteLowStock"/>); 0 = off.</summary>
    public int LowStockThreshold { get; init; }

    public bool PromoteLowStock { get; init; }

    /// <summary>Candidates asked from each source, as a multiple of the count, to survive filtering.</summary>
    public int CandidateFactor { get; init; } = 3;

    public static ServingOptions From(PersonalizationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var defaults = new ServingOptions();
        return defaults with
        {
            RequireStock = !settings.ShowOutOfStockProducts,
            LowStockThreshold = Math.Max(settings.LowStockThreshold, 0),
            PromoteLowStock = settings.PromoteLowStock,
            MinimumCount = settings.MinimumProductsPerPlacement > 0 ? settings.MinimumProductsPerPlacement : defaults.MinimumCount,
            MaxPerCategory = settings.MaxProductsPerCategory > 0 ? settings.MaxProductsPerCategory : defaults.MaxPerCategory
        };
    }
}
