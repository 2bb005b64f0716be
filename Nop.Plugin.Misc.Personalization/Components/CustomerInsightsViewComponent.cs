using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.Personalization.Models.CustomerInsights;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Services.Security;
using Nop.Web.Framework.Components;
using Nop.Web.Framework.Infrastructure;
using Nop.Web.Framework.Models;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Components;

/// <summary>
/// The block on the admin customer page showing what the plugin knows about the customer. Read-only; a failure to
/// read shows a short line instead of breaking the page.
/// </summary>
public class CustomerInsightsViewComponent : NopViewComponent
{
    public const string VIEW_PATH = "~/Plugins/Misc.Personalization/Views/Customer/_Insights.cshtml";

    private readonly IShopLog _log;
    private readonly IPermissionService _permissionService;
    private readonly ICustomerInsightsReader _reader;
    private readonly PersonalizationSettings _settings;

    public CustomerInsightsViewComponent(IShopLog shopLog,
        IPermissionService permissionService,
        ICustomerInsightsReader reader,
        PersonalizationSettings settings)
    {
        _log = shopLog;
        _permissionService = permissionService;
        _reader = reader;
        _settings = settings;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        var model = await PrepareModelAsync(widgetZone, additionalData);
        return model == null ? Content(string.Empty) : View(VIEW_PATH, model);
    }

    /// <summary>
    /// The block's model, or null when nothing is to be shown (another zone, the create page, the plugin disabled,
    /// no permission to view customers).
    /// </summary>
    internal async Task<CustomerInsightsModel> PrepareModelAsync(string widgetZone, object additionalData)
    {
        if (!string.Equals(widgetZone, AdminWidgetZones.CustomerDetailsBlock, StringComparison.Ordinal))
            return null;

        //the create page passes a model without id
        if (additionalData is not BaseNopEntityModel { Id: > 0 } customer)
            return null;

        if (!_settings.Enabled)
            return null;

        if (!await _permissionService.AuthorizeAsync(StandardPermission.Customers.CUSTOMERS_VIEW))
            return null;

        try
        {
            return await _reader.ReadAsync(customer.Id);
        }
        catch (Exception exception)
        {
            _log.Error("the customer insights block could not be loaded.", exception);
            return new CustomerInsightsModel { CustomerId = customer.Id, LoadFailed = true };
        }
    }
}
