using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Services.Customers;
using Nop.Web.Framework.Components;
using Nop.Web.Framework.Infrastructure;
using Nop.Web.Models.Customer;

namespace Nop.Plugin.Misc.Personalization.Components;

/// <summary>
/// The "Your personalisation" link in a registered shopper's account navigation.
/// </summary>
public class AccountNavigationViewComponent : NopViewComponent
{
    public const string VIEW_PATH = "~/Plugins/Misc.Personalization/Views/Account/_NavigationItem.cshtml";

    private readonly ICustomerService _customerService;
    private readonly PersonalizationSettings _settings;
    private readonly IWorkContext _workContext;

    public AccountNavigationViewComponent(ICustomerService customerService, PersonalizationSettings settings, IWorkContext workContext)
    {
        _customerService = customerService;
        _settings = settings;
        _workContext = workContext;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        if (!string.Equals(widgetZone, PublicWidgetZones.AccountNavigationAfter, StringComparison.Ordinal) || !_settings.Enabled)
            return Content(string.Empty);

        if (!await _customerService.IsRegisteredAsync(await _workContext.GetCurrentCustomerAsync()))
            return Content(string.Empty);

        var selected = additionalData is CustomerNavigationModel navigation && navigation.SelectedTab == PersonalizationDefaults.AccountNavigationTab;
        return View(VIEW_PATH, selected);
    }
}
