namespace Nop.Plugin.Misc.Personalization.Services.Placements;

/// <summary>
/// What a placement shows. Stored by name in PersonalizationPlacement.Strategy, so names never change.
/// </summary>
public enum PlacementStrategy
{
    /// <summary>Products like the one on the page (co-viewed, co-interest). Product page.</summary>
    Similar,

    /// <summary>Products bought in the same order as the one on the page. Product page.</summary>
    BoughtTogether,

    /// <summary>Complements of everything in the cart. Cart page.</summary>
    CartCrossSell,

    /// <summary>Personal picks from the shopper's history and current visit. Any page, typically home.</summary>
    ForYou,

    /// <summary>What is popular now in the store. Any page.</summary>
    Trending,

    /// <summary>What is popular now in the category on the page. Category page.</summary>
    TrendingInCategory,

    /// <summary>Products the shopper looked at recently. Any page.</summary>
    RecentlyViewed,

    /// <summary>What customers buy after the products of the order just placed. Order completed page.</summary>
    OrderCompletedComplements,

    /// <summary>
    /// The shopper's own past purchases, those they are most likely to order again first; never anything else, so a
    /// shopper who bought nothing sees no placement. Any page.
    /// </summary>
    BuyAgain,

    /// <summary>
    /// "You may need next": products that usually follow what the shopper bought recently and whose usual window is
    /// still open (timed complements), most likely first; a shopper with no such purchase sees no placement. Any page,
    /// meant for the home page and the account pages.
    /// </summary>
    YouMayNeedNext,

    /// <summary>
    /// "Similar style": products that share the page product's attributes (material, style, colour, tags…), category,
    /// brand and price band, rare attributes counting most; then co-viewed products. Product page; works for a new
    /// product nobody has viewed yet.
    /// </summary>
    SimilarStyle
}
