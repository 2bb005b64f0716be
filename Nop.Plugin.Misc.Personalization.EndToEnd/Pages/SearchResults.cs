using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>The products the search page lists for a query, in the order shown (widget zones around them left out).</summary>
public static class SearchResults
{
    public static IReadOnlyList<int> Of(ShopperSession shopper, string term)
    {
        shopper.Search(term);
        shopper.Browser.FindPresent(By.CssSelector(".search-results .product-item, .search-results .no-result"));
        return shopper.Browser.All(By.CssSelector(".search-results .product-item"))
            .Select(item => int.Parse(item.GetAttribute("data-productid")))
            .ToList();
    }
}
