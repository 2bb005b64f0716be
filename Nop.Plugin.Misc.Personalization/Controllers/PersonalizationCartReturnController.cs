using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;
using Nop.Plugin.Misc.Personalization.Models.Email;
using Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Misc.Personalization.Controllers;

/// <summary>
/// The restore link of abandoned-cart e-mails, public and rate-limited. The customer and store come only from the
/// signed token; the link changes nothing in any cart and signs nobody in, so opening it (GET, also by a mail scanner)
/// is safe: the customer's own browser sees their cart, any other browser the login page leading to it.
/// </summary>
public class PersonalizationCartReturnController : BasePluginController
{
    private const string CART_ROUTE = "ShoppingCart";
    private const string LOGIN_ROUTE = "Login";
    private const string RESOURCES = "Plugins.Misc.Personalization.EmailLink.RestoreCart.";

    private readonly CartReturn _cartReturn;
    private readonly ILocalizationService _localizationService;
    private readonly EmailLinkRateLimiter _rateLimiter;
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;

    public PersonalizationCartReturnController(CartReturn cartReturn,
        ILocalizationService localizationService,
        EmailLinkRateLimiter rateLimiter,
        ISettingService settingService,
        IStoreContext storeContext,
        IWorkContext workContext)
    {
        _cartReturn = cartReturn;
        _localizationService = localizationService;
        _rateLimiter = rateLimiter;
        _settingService = settingService;
        _storeContext = storeContext;
        _workContext = workContext;
    }

    [HttpGet]
    public async Task<IActionResult> Restore(string token, string e = null)
    {
        var visitor = await _workContext.GetCurrentCustomerAsync();
        if (visitor == null || !_rateLimiter.TryAcquire(visitor.Id))
            return StatusCode(StatusCodes.Status429TooManyRequests);

        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(store.Id);
        var outcome = await _cartReturn.ReturnAsync(token, settings, store.Id, visitor, e);

        return outcome.Action switch
        {
            CartReturnAction.ShowCart => RedirectToRoute(CART_ROUTE),
            CartReturnAction.SignInForCart => RedirectToRoute(LOGIN_ROUTE, new { returnUrl = Url.RouteUrl(CART_ROUTE) }),
            _ => await InvalidAsync()
        };
    }

    private async Task<IActionResult> InvalidAsync()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(PersonalizationEmailController.VIEW, new EmailLinkModel
        {
            State = EmailLinkState.Invalid,
            Action = nameof(Restore),
            Title = await _localizationService.GetResourceAsync(RESOURCES + "Title"),
            Message = await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.EmailLink.Invalid")
        });
    }
}
