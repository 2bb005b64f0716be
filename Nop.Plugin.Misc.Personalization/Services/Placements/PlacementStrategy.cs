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
    /// "Back in stock for you": products that came back in stock and were offered to this shopper (they asked to be told,
    /// or are among those most likely to want them), until the offer ends or the shopper looks at or buys the product; a
    /// shopper with no live offer sees no placement. Any page.
    /// </summary>
    BackInStockForYou,

    /// <summary>
    /// "Back this season": products that sold in these weeks of an earlier year well above their usual week (the
    /// seasonal index; needs a year of history), those the shopper bought a year ago first, then their categories; no
    /// fallback, so nothing shows out of season or before a year of history. Any page.
    /// </summary>
    BackThisSeason,

    /// <summary>
    /// Personal picks (trending for a shopper without history) on the search page, shown only when the search found
    /// nothing, instead of an empty page. Search page.
    /// </summary>
    SearchNoResults,

    /// <summary>
    /// "Similar style": products that share the page product's attributes (material, style, colour, tags…), category,
    /// brand and price band, rare attributes counting most; then co-viewed products. Product page; works for a new
    /// product nobody has viewed yet.
    /// </summary>
    SimilarStyle
}
