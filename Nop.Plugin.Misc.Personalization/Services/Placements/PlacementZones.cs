using Nop.Web.Framework.Infrastructure;

namespace Nop.Plugin.Misc.Personalization.Services.Placements;

/// <summary>
/// The content widget zones of nopCommerce 4.90's default theme that recommendations fit into, by page, and which
/// strategies fit which page. Zones outside this list are a theme's own (custom) and accept any strategy.
/// </summary>
public static class PlacementZones
{
    public const int MAX_ZONE_LENGTH = 100;

    private static readonly IReadOnlyList<(string Zone, PlacementPage Page)> _known =
    [
        ("productdetails_overview_bottom", PlacementPage.Product),
        ("productdetails_essential_bottom", PlacementPage.Product),
        ("productdetails_before_collateral", PlacementPage.Product),
        ("productdetails_bottom", PlacementPage.Product),
        ("order_summary_content_before", PlacementPage.Cart),
        ("order_summary_cart_footer", PlacementPage.Cart),
        ("order_summary_content_after", PlacementPage.Cart),
        ("home_page_top", PlacementPage.Home),
        ("home_page_before_products", PlacementPage.Home),
        ("home_page_before_best_sellers", PlacementPage.Home),
        ("home_page_bottom", PlacementPage.Home),
        ("categorydetails_top", PlacementPage.Category),
        ("categorydetails_before_product_list", PlacementPage.Category),
        ("categorydetails_bottom", PlacementPage.Category),
        ("checkout_completed_top", PlacementPage.OrderCompleted),
        ("checkout_completed_bottom", PlacementPage.OrderCompleted),
        ("productsearch_page_before_results", PlacementPage.Search),
        ("productsearch_page_after_results", PlacementPage.Search),
        ("customer_info_top", PlacementPage.Account),
        ("customer_info_bottom", PlacementPage.Account),
        ("customer_orders_top", PlacementPage.Account),
        ("customer_orders_bottom", PlacementPage.Account)
    ];

    /// <summary>
    /// Every known zone with its page, in the order the admin lists them.
    /// </summary>
    public static IReadOnlyList<(string Zone, PlacementPage Page)> Known => _known;

    public static bool IsKnown(string zone) => PageOf(zone) is not null;

    /// <summary>
    /// Zones the plugin renders something else in (the account navigation link, the admin customer block, the search
    /// results' click beacon).
    /// </summary>
    public static bool IsReserved(string zone) =>
        string.Equals(zone, PublicWidgetZones.AccountNavigationAfter, StringComparison.Ordinal)
        || string.Equals(zone, PublicWidgetZones.ProductSearchPageBasic, StringComparison.Ordinal)
        || string.Equals(zone, AdminWidgetZones.CustomerDetailsBlock, StringComparison.Ordinal);

    public static PlacementPage? PageOf(string zone)
    {
        foreach (var (known, page) in _known)
        {
            if (string.Equals(known, zone, StringComparison.Ordinal))
                return page;
        }

        return null;
    }

    /// <summary>
    /// The page a strategy needs, or null when it needs no page subject and fits anywhere.
    /// </summary>
    public static PlacementPage? RequiredPage(PlacementStrategy strategy) => strategy switch
    {
        PlacementStrategy.Similar or PlacementStrategy.BoughtTogether or PlacementStrategy.SimilarStyle => PlacementPage.Product,
        PlacementStrategy.CartCrossSell => PlacementPage.Cart,
        PlacementStrategy.TrendingInCategory => PlacementPage.Category,
        PlacementStrategy.OrderCompletedComplements => PlacementPage.OrderCompleted,
        PlacementStrategy.SearchNoResults => PlacementPage.Search,
        _ => null
    };

    /// <summary>
    /// Whether a strategy can be served in a zone: a contextual strategy only on its own page; custom zones are the
    /// shop owner's responsibility and always fit.
    /// </summary>
    public static bool Fits(PlacementStrategy strategy, string zone)
    {
        var page = PageOf(zone);
        var required = RequiredPage(strategy);
        return page is null || required is null || page == required;
    }

    public static IReadOnlyList<string> ZonesFor(PlacementStrategy strategy) =>
        _known.Where(known => Fits(strategy, known.Zone)).Select(known => known.Zone).ToList();
}
