using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Services.Customers;
using Nop.Web.Controllers;

namespace Nop.Plugin.Misc.Personalization.Controllers;

/// <summary>
/// The shopper's "Your personalisation" page: what the shop inferred about them, in plain words, with their controls
/// (switch off or on, download, erase). Registered customers only; the customer is always the request's own, never an id from the URL;
/// the controls are POSTs with nopCommerce's antiforgery token.
/// </summary>
[AutoValidateAntiforgeryToken]
public class PersonalizationAccountController : BasePublicController
{
    public const string VIEW_PATH = "~/Plugins/Misc.Personalization/Views/Account/Index.cshtml";
    public const string RESULT_KEY = "Personalization.Account.Result";

    private readonly IPersonalizationConsent _consent;
    private readonly ICustomerService _customerService;
    private readonly CustomerDataEraser _eraser;
    private readonly CustomerDataExport _export;
    private readonly IShopLog _log;
    private readonly MyPersonalizationModelFactory _modelFactory;
    private readonly PersonalizationSettings _settings;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;

    public PersonalizationAccountController(IPersonalizationConsent consent,
        ICustomerService customerService,
        CustomerDataEraser eraser,
        CustomerDataExport export,
        IShopLog shopLog,
        MyPersonalizationModelFactory modelFactory,
        PersonalizationSettings settings,
        IStoreContext storeContext,
        IWorkContext workContext)
    {
        _consent = consent;
        _customerService = customerService;
        _eraser = eraser;
        _export = export;
        _log = shopLog;
        _modelFactory = modelFactory;
        _settings = settings;
        _storeContext = storeContext;
        _workContext = workContext;
    }

    [HttpGet]
    public async Task<IActionResult> Index()
    {
        var customer = await RegisteredCustomerAsync();
        if (customer == null)
            return _settings.Enabled ? Challenge() : InvokeHttp404();

        var store = await _storeContext.GetCurrentStoreAsync();
        var model = await _modelFactory.PrepareAsync(customer, store);
        model.Result = TempData[RESULT_KEY] as string;

        return View(VIEW_PATH, model);
    }

    [HttpPost]
    public async Task<IActionResult> Download()
    {
        var customer = await RegisteredCustomerAsync();
        if (customer == null)
            return _settings.Enabled ? Challenge() : InvokeHttp404();

        try
        {
            var document = await _export.ExportAsync(customer.Id, HttpContext.RequestAborted);
            return File(document, CustomerDataExport.CONTENT_TYPE, CustomerDataExport.FileName(customer.Id));
        }
        catch (Exception exception) when (!HttpContext.RequestAborted.IsCancellationRequested)
        {
            _log.Error("a shopper's download of their personalization data failed.", exception);
            return Result(AccountResult.DOWNLOAD_FAILED);
        }
    }

    /// <param name="on">Personalisation on (true) or off for the shopper; off also removes what identifies them.</param>
    [HttpPost]
    public async Task<IActionResult> Switch(bool on)
    {
        var customer = await RegisteredCustomerAsync();
        if (customer == null)
            return _settings.Enabled ? Challenge() : InvokeHttp404();

        await _consent.SetOptedOutAsync(customer, !on);
        return Result(on ? AccountResult.SWITCHED_ON : AccountResult.SWITCHED_OFF);
    }

    /// <param name="confirm">The shopper ticked "yes, erase"; without it nothing is erased.</param>
    [HttpPost]
    public async Task<IActionResult> Erase(bool confirm)
    {
        var customer = await RegisteredCustomerAsync();
        if (customer == null)
            return _settings.Enabled ? Challenge() : InvokeHttp404();

        if (!confirm)
            return Result(AccountResult.ERASE_NOT_CONFIRMED);

        try
        {
            await _eraser.EraseAsync(customer.Id, HttpContext.RequestAborted);
            return Result(AccountResult.ERASED);
        }
        catch (Exception exception) when (!HttpContext.RequestAborted.IsCancellationRequested)
        {
            _log.Error("a shopper's erasure of their personalization data failed.", exception);
            return Result(AccountResult.ERASE_FAILED);
        }
    }

    private IActionResult Result(string resultResource)
    {
        TempData[RESULT_KEY] = resultResource;
        return RedirectToRoute(PersonalizationDefaults.AccountRouteName);
    }

    /// <returns>The request's own customer when registered and the plugin is on; otherwise null.</returns>
    private async Task<Customer> RegisteredCustomerAsync()
    {
        if (!_settings.Enabled)
            return null;

        var customer = await _workContext.GetCurrentCustomerAsync();
        return await _customerService.IsRegisteredAsync(customer) ? customer : null;
    }
}
