using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.Personalization.Engine.Search;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Search;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Misc.Personalization.Controllers;

/// <summary>
/// Receives the click beacons of search results. Public and without an antiforgery token, like the widgets' beacon:
/// the signed token binds the query to the request's own customer, the product must be one the store sells, and every
/// attempt spends from the same per-customer budget as the widgets' clicks. Status code only, never a body or redirect.
/// </summary>
public class PersonalizationSearchClickController : BasePluginController
{
    private readonly IServingCatalog _catalog;
    private readonly ClickRateLimiter _clickRateLimiter;
    private readonly SearchClickTracking _searchClickTracking;
    private readonly SearchClickTokens _searchClickTokens;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;

    public PersonalizationSearchClickController(IServingCatalog catalog,
        ClickRateLimiter clickRateLimiter,
        SearchClickTracking searchClickTracking,
        SearchClickTokens searchClickTokens,
        IStoreContext storeContext,
        IWorkContext workContext)
    {
        _catalog = catalog;
        _clickRateLimiter = clickRateLimiter;
        _searchClickTracking = searchClickTracking;
        _searchClickTokens = searchClickTokens;
        _storeContext = storeContext;
        _workContext = workContext;
    }

    [HttpPost]
    [IgnoreAntiforgeryToken]
    [RequestSizeLimit(PersonalizationTrackingController.MAX_REQUEST_BYTES)]
    public async Task<IActionResult> Click([FromForm] int product, [FromForm] string token)
    {
        if (!ModelState.IsValid || product <= 0 || string.IsNullOrEmpty(token))
            return BadRequest();

        var customer = await _workContext.GetCurrentCustomerAsync();
        if (customer == null)
            return BadRequest();

        if (!_clickRateLimiter.TryAcquire(customer.Id))
            return StatusCode(StatusCodes.Status429TooManyRequests);

        var (check, query) = _searchClickTokens.Check(token, customer.CustomerGuid);
        if (check != SearchClickTokenCheck.Valid)
            return BadRequest();

        //before the catalogue is loaded on this node any positive id passes: the token and the budget still hold
        if (_catalog.IsLoaded && _catalog.Find(product) == null)
            return BadRequest();

        var store = await _storeContext.GetCurrentStoreAsync();
        await _searchClickTracking.RecordAsync(customer, store.Id, query, product);

        return NoContent();
    }
}
