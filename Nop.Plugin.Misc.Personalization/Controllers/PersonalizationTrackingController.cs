using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Misc.Personalization.Controllers;

/// <summary>
/// Receives the click beacons of recommendation widgets. Public and without an antiforgery token (a beacon cannot
/// carry one): the signed click token plays that part, bound to the products rendered and to the request's own
/// customer. It answers with a status code only, never a body or a redirect.
/// </summary>
public class PersonalizationTrackingController : BasePluginController
{
    public const int MAX_REQUEST_BYTES = 4096;

    private readonly ClickRateLimiter _clickRateLimiter;
    private readonly ClickTokens _clickTokens;
    private readonly IPlacementTracking _placementTracking;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;

    public PersonalizationTrackingController(ClickRateLimiter clickRateLimiter,
        ClickTokens clickTokens,
        IPlacementTracking placementTracking,
        IStoreContext storeContext,
        IWorkContext workContext)
    {
        _clickRateLimiter = clickRateLimiter;
        _clickTokens = clickTokens;
        _placementTracking = placementTracking;
        _storeContext = storeContext;
        _workContext = workContext;
    }

    [HttpPost]
    [IgnoreAntiforgeryToken]
    [RequestSizeLimit(MAX_REQUEST_BYTES)]
    public async Task<IActionResult> Click([FromForm] int placement, [FromForm] int product, [FromForm] string token)
    {
        if (!ModelState.IsValid || placement <= 0 || product <= 0 || string.IsNullOrEmpty(token))
            return BadRequest();

        var customer = await _workContext.GetCurrentCustomerAsync();
        if (customer == null)
            return BadRequest();

        //every attempt spends from the bucket, so guessing tokens is as slow as clicking
        if (!_clickRateLimiter.TryAcquire(customer.Id))
            return StatusCode(StatusCodes.Status429TooManyRequests);

        if (_clickTokens.Check(token, placement, product, customer.CustomerGuid) != ClickTokenCheck.Valid)
            return BadRequest();

        var store = await _storeContext.GetCurrentStoreAsync();
        if (!_placementTracking.PlacementExists(store.Id, placement))
            return BadRequest();

        await _placementTracking.RecordClickAsync(customer, store.Id, placement, product);

        return NoContent();
    }
}
