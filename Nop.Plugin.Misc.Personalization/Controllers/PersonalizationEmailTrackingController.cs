using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Services.Stores;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.Personalization.Controllers;

/// <summary>
/// The open pixel and the tracked links of the plugin's e-mails, public and without login. Everything comes from the
/// signed token: the recipient, the e-mail and where a click leads. A click redirects only to the signed product's
/// current page on this store (or the cart); a tampered, foreign or unknown token leads to the home page, and the
/// pixel is the same transparent GIF whatever happens.
/// </summary>
public class PersonalizationEmailTrackingController : BasePluginController
{
    public const string HOMEPAGE_ROUTE = "Homepage";
    public const string CART_ROUTE = "ShoppingCart";

    private readonly EmailEngagement _engagement;
    private readonly INopUrlHelper _nopUrlHelper;
    private readonly EmailTrackingRateLimiter _rateLimiter;
    private readonly IServingCatalog _servingCatalog;
    private readonly IStoreContext _storeContext;
    private readonly IStoreMappingService _storeMappingService;
    private readonly TimeProvider _timeProvider;

    public PersonalizationEmailTrackingController(EmailEngagement engagement,
        INopUrlHelper nopUrlHelper,
        EmailTrackingRateLimiter rateLimiter,
        IServingCatalog servingCatalog,
        IStoreContext storeContext,
        IStoreMappingService storeMappingService,
        TimeProvider timeProvider)
    {
        _engagement = engagement;
        _nopUrlHelper = nopUrlHelper;
        _rateLimiter = rateLimiter;
        _servingCatalog = servingCatalog;
        _storeContext = storeContext;
        _storeMappingService = storeMappingService;
        _timeProvider = timeProvider;
    }

    [HttpGet]
    public async Task<IActionResult> Open(string t)
    {
        Response.Headers.CacheControl = "no-store, no-cache, must-revalidate";
        if (TryAcquire())
        {
            var store = await _storeContext.GetCurrentStoreAsync();
            var subject = await _engagement.CheckAsync(t, store.Id);
            if (subject?.Target == EmailTarget.Open)
                await _engagement.RecordAsync(subject);
        }

        return File(EmailTrackingDefaults.Pixel.ToArray(), "image/gif");
    }

    [HttpGet]
    public async Task<IActionResult> Click(string t)
    {
        if (!TryAcquire())
            return StatusCode(StatusCodes.Status429TooManyRequests);

        var store = await _storeContext.GetCurrentStoreAsync();
        var subject = await _engagement.CheckAsync(t, store.Id);
        if (subject == null || subject.Target == EmailTarget.Open)
            return RedirectToRoute(HOMEPAGE_ROUTE);

        await _engagement.RecordAsync(subject);

        if (subject.Target == EmailTarget.Cart)
            return RedirectToRoute(CART_ROUTE);

        var url = await ProductUrlAsync(subject.TargetId, store.Id);
        return url == null ? RedirectToRoute(HOMEPAGE_ROUTE) : LocalRedirect(url);
    }

    /// <returns>The product's page on this store in the visitor's language, or null when it is no longer shown here.</returns>
    private async Task<string> ProductUrlAsync(int productId, int storeId)
    {
        var product = _servingCatalog.Find(productId);
        if (product == null || !product.IsShowable(_timeProvider.GetUtcNow().UtcDateTime, requireStock: false))
            return null;

        var entity = new Product { Id = productId, LimitedToStores = product.LimitedToStores };
        if (product.LimitedToStores && !await _storeMappingService.AuthorizeAsync(entity, storeId))
            return null;

        var url = await _nopUrlHelper.RouteGenericUrlAsync(entity);
        //our own router's answer is a path on this host; anything else is refused rather than followed
        return IsLocalPath(url) ? url : null;
    }

    internal static bool IsLocalPath(string url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private bool TryAcquire()
    {
        var address = HttpContext.Connection.RemoteIpAddress;
        return _rateLimiter.TryAcquire(address?.GetHashCode() ?? 0);
    }
}
