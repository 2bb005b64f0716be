using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>The products the search page lists for a query, in the order shown (widget zones around them left out).</summary>
public static class SearchResults
{
    //ProductSortingEnum.NameAsc
    private const int NAME_ASCENDING = 5;

    public static IReadOnlyList<int> Of(ShopperSession shopper, string term) => Read(shopper, term, sortedByName: false);

    /// <summary>
    /// The same, sorted by name (nopCommerce's sort drop-down): nopCommerce then orders the products itself and does not
    /// join the search provider's order.
    /// </summary>
    public static IReadOnlyList<int> SortedByNameOf(ShopperSession shopper, string term) => Read(shopper, term, sortedByName: true);

    private static IReadOnlyList<int> Read(ShopperSession shopper, string term, bool sortedByName)
    {
        shopper.Search(term, sortedByName ? NAME_ASCENDING : null);
        shopper.Browser.FindPresent(By.CssSelector(".search-results .product-item, .search-results .no-result"));
        return shopper.Browser.All(By.CssSelector(".search-results .product-item"))
            .Select(item => int.Parse(item.GetAttribute("data-productid")))
            .ToList();
    }
}
