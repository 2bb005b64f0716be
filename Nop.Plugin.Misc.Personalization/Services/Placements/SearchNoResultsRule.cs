using Nop.Web.Models.Catalog;

namespace Nop.Plugin.Misc.Personalization.Services.Placements;

/// <summary>
/// When a "search found nothing" placement shows: on a search page (nopCommerce passes its search model to the zone)
/// where the shopper searched for something and the search returned no product. Other strategies always may.
/// </summary>
public static class SearchNoResultsRule
{
    public static bool Allows(string strategy, object additionalData)
    {
        if (!string.Equals(strategy, nameof(PlacementStrategy.SearchNoResults), StringComparison.OrdinalIgnoreCase))
            return true;

        return additionalData is SearchModel { CatalogProductsModel: { } results } search
            && !string.IsNullOrWhiteSpace(search.q)
            && results.TotalItems == 0
            && (results.Products == null || results.Products.Count == 0);
    }
}
