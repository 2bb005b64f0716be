using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Models.Widgets;
using Nop.Plugin.Misc.Personalization.Services.AfterPage;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Web.Controllers;

namespace Nop.Plugin.Misc.Personalization.Controllers;

/// <summary>
/// The one request a page sends after it has loaded, for all its placements that load after the page. It accepts only
/// slot tokens the server signed while rendering the page (placement, store and page context); the customer is the
/// request's own, from its cookie or a new guest without one. Answers with the blocks' HTML (one element per slot, in
/// the order asked), never cached and not for search engines; nothing at all when personalisation is off or fails.
/// A public controller, so a closed store or one without public access answers as its pages do.
/// </summary>
public class PersonalizationAfterPageController : BasePublicController
{
    public const string VIEW_PATH = "~/Plugins/Misc.Personalization/Views/AfterPage/Slots.cshtml";

    private readonly AfterPageRateLimiter _rateLimiter;
    private readonly AfterPageTokens _tokens;
    private readonly IShopLog _log;
    private readonly WidgetModelBuilder _widgetModelBuilder;
    private readonly IWorkContext _workContext;

    public PersonalizationAfterPageController(AfterPageRateLimiter rateLimiter,
        AfterPageTokens tokens,
        IShopLog log,
        WidgetModelBuilder widgetModelBuilder,
        IWorkContext workContext)
    {
        _rateLimiter = rateLimiter;
        _tokens = tokens;
        _log = log;
        _widgetModelBuilder = widgetModelBuilder;
        _workContext = workContext;
    }

    [HttpGet]
    public async Task<IActionResult> Placements([FromQuery(Name = "t")] string[] tokens)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";

        if (tokens == null || tokens.Length == 0 || tokens.Length > PersonalizationDefaults.MaxAfterPageSlots)
            return BadRequest($"Ask for 1 to {PersonalizationDefaults.MaxAfterPageSlots} placements.");

        var customer = await _workContext.GetCurrentCustomerAsync();
        if (customer == null)
            return BadRequest();
        if (!_rateLimiter.TryAcquire(customer.Id))
            return StatusCode(StatusCodes.Status429TooManyRequests);

        var slots = tokens.Select(_tokens.Read).ToList();
        if (slots.All(slot => slot == null))
            return BadRequest("No valid placement token.");

        try
        {
            var blocks = await _widgetModelBuilder.BuildAfterPageAsync(slots);
            return PartialView(VIEW_PATH, new AfterPageModel(blocks));
        }
        catch (Exception exception)
        {
            _log.Warning("placements loaded after the page answered empty after an error.", exception);
            return PartialView(VIEW_PATH, new AfterPageModel(new PlacementBlockModel[slots.Count]));
        }
    }
}
