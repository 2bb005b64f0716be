using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Web.Framework.Mvc.Routing;
using Nop.Web.Models.Catalog;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// Clicks on search results, whichever provider found them (nopCommerce's standard search too): the search page gets
/// the query signed for its customer, and a beacon with that token and a product id becomes a search click event.
/// </summary>
public class SearchClickTracking
{
    private readonly InteractionCapture _capture;
    private readonly INopUrlHelper _nopUrlHelper;
    private readonly SearchClickTokens _tokens;

    public SearchClickTracking(InteractionCapture capture, INopUrlHelper nopUrlHelper, SearchClickTokens tokens)
    {
        _capture = capture;
        _nopUrlHelper = nopUrlHelper;
        _tokens = tokens;
    }

    /// <returns>What the page's click script needs; null when the page shows no results or nothing is captured.</returns>
    public async Task<SearchClickTrackingModel> PrepareAsync(object additionalData, Customer customer, int storeId)
    {
        if (additionalData is not SearchModel { CatalogProductsModel: { TotalItems: > 0 } } search || customer == null)
            return null;

        //the same text the search event stores, so the click and its search name one query
        var query = StoredText.Clean(search.q, InteractionCapture.MAX_QUERY_LENGTH);
        if (query == null || !await _capture.IsCapturingAsync(customer, storeId))
            return null;

        var token = _tokens.Issue(query, customer.CustomerGuid);
        var url = token == null ? null : _nopUrlHelper.RouteUrl(SearchClickDefaults.RouteName);

        return string.IsNullOrEmpty(url) ? null : new SearchClickTrackingModel(token, url);
    }

    public Task<bool> RecordAsync(Customer customer, int storeId, string query, int productId)
    {
        if (customer == null || productId <= 0 || string.IsNullOrEmpty(query))
            return Task.FromResult(false);

        return _capture.CaptureAsync(customer, storeId, InteractionType.SearchClick, productId, query: query);
    }
}
