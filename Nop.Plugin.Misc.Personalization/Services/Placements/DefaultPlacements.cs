using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Placements;

/// <summary>
/// What a fresh installation shows, in every store: one placement per page where recommendations pay off most.
/// </summary>
public static class DefaultPlacements
{
    public static IReadOnlyList<PersonalizationPlacement> Create() =>
    [
        Placement("productdetails_bottom", PlacementStrategy.Similar, "Similar products", 4, 0),
        Placement("productdetails_before_collateral", PlacementStrategy.BoughtTogether, "Frequently bought together", 4, 1),
        Placement("order_summary_content_after", PlacementStrategy.CartCrossSell, "You may also need", 4, 0),
        Placement("home_page_before_products", PlacementStrategy.ForYou, "Picked for you", 8, 0),
        Placement("categorydetails_bottom", PlacementStrategy.TrendingInCategory, "Trending in this category", 4, 0),
        Placement("checkout_completed_bottom", PlacementStrategy.OrderCompletedComplements, "Customers also bought", 4, 0),
        Placement("productsearch_page_after_results", PlacementStrategy.SearchNoResults, "You may like these", 8, 0)
    ];

    private static PersonalizationPlacement Placement(string zone, PlacementStrategy strategy, string title, int count, int displayOrder) => new()
    {
        StoreId = 0,
        WidgetZone = zone,
        Strategy = strategy.ToString(),
        Title = title,
        Count = count,
        SegmentId = 0,
        Enabled = true,
        DisplayOrder = displayOrder
    };
}
