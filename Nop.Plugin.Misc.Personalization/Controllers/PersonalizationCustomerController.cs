using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.Personalization.Controllers;

/// <summary>
/// The admin customer block's download of everything the plugin holds on the customer, for a data-access request.
/// A GET that changes nothing, allowed to whoever may view customers (as the block itself); reached through the admin
/// area's conventional route (Admin/PersonalizationCustomer/Export?customerId=…).
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class PersonalizationCustomerController : BasePluginController
{
    private readonly CustomerDataExport _export;
    private readonly IShopLog _log;

    public PersonalizationCustomerController(CustomerDataExport export, IShopLog shopLog)
    {
        _export = export;
        _log = shopLog;
    }

    [HttpGet]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    public async Task<IActionResult> Export(int customerId)
    {
        if (customerId <= 0)
            return BadRequest();

        try
        {
            var document = await _export.ExportAsync(customerId, HttpContext.RequestAborted);
            return File(document, CustomerDataExport.CONTENT_TYPE, CustomerDataExport.FileName(customerId));
        }
        catch (Exception exception) when (!HttpContext.RequestAborted.IsCancellationRequested)
        {
            _log.Error("the personalization data export of a customer failed.", exception);
            return StatusCode(500);
        }
    }
}
