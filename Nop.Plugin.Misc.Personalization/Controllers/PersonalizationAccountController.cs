using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Services.Customers;
using Nop.Web.Controllers;

namespace Nop.Plugin.Misc.Personalization.Controllers;

/// <summary>
/// The shopper's "Your personalisation" page: what the shop inferred about them, in plain words, with their controls.
/// Registered customers only; the customer is always the request's own, never an id from the URL.
/// </summary>
[AutoValidateAntiforgeryToken]
public class PersonalizationAccountController : BasePublicController
{
    public const string VIEW_PATH = "~/Plugins/Misc.Personalization/Views/Account/Index.cshtml";

    private readonly ICustomerService _customerService;
    private readonly MyPersonalizationModelFactory _modelFactory;
    private readonly PersonalizationSettings _settings;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;

    public PersonalizationAccountController(ICustomerService customerService,
        MyPersonalizationModelFactory modelFactory,
        PersonalizationSettings settings,
        IStoreContext storeContext,
        IWorkContext workContext)
    {
        _customerService = customerService;
        _modelFactory = modelFactory;
        _settings = settings;
        _storeContext = storeContext;
        _workContext = workContext;
    }

    [HttpGet]
    public async Task<IActionResult> Index()
    {
        if (!_settings.Enabled)
            return InvokeHttp404();

        var customer = await _workContext.GetCurrentCustomerAsync();
        if (!await _customerService.IsRegisteredAsync(customer))
            return Challenge();

        var store = await _storeContext.GetCurrentStoreAsync();
        return View(VIEW_PATH, await _modelFactory.PrepareAsync(customer, store));
    }
}
