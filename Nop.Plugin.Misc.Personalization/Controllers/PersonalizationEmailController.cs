using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Models.Email;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Misc.Personalization.Controllers;

/// <summary>
/// The one-click links of the plugin's e-mails, public and without login. The customer and store come only from the
/// signed token, never from an id in the URL. Opening a link (GET) only asks; the change happens on the POST of its
/// button, so a mail scanner that prefetches links opts nobody out. nopCommerce's queued e-mails carry no custom
/// headers, so RFC 8058 one-click List-Unsubscribe-Post is not available.
/// </summary>
[AutoValidateAntiforgeryToken]
public class PersonalizationEmailController : BasePluginController
{
    public const string VIEW = "~/Plugins/Misc.Personalization/Views/Email/EmailLink.cshtml";
    private const string RESOURCES = "Plugins.Misc.Personalization.EmailLink.";

    private readonly ILocalizationService _localizationService;
    private readonly ReminderOptOut _optOut;
    private readonly EmailLinkRateLimiter _rateLimiter;
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;

    public PersonalizationEmailController(ILocalizationService localizationService,
        ReminderOptOut optOut,
        EmailLinkRateLimiter rateLimiter,
        ISettingService settingService,
        IStoreContext storeContext,
        IWorkContext workContext)
    {
        _localizationService = localizationService;
        _optOut = optOut;
        _rateLimiter = rateLimiter;
        _settingService = settingService;
        _storeContext = storeContext;
        _workContext = workContext;
    }

    [HttpGet]
    public Task<IActionResult> StopReminders(string token) => AskAsync(EmailLinkPurpose.StopReminders, nameof(StopReminders), token);

    [HttpPost]
    [ActionName(nameof(StopReminders))]
    public Task<IActionResult> StopRemindersConfirmed(string token) => ConfirmAsync(EmailLinkPurpose.StopReminders, nameof(StopReminders), token);

    [HttpGet]
    public Task<IActionResult> Unsubscribe(string token) => AskAsync(EmailLinkPurpose.NewsletterUnsubscribe, nameof(Unsubscribe), token);

    [HttpPost]
    [ActionName(nameof(Unsubscribe))]
    public Task<IActionResult> UnsubscribeConfirmed(string token) => ConfirmAsync(EmailLinkPurpose.NewsletterUnsubscribe, nameof(Unsubscribe), token);

    private async Task<IActionResult> AskAsync(EmailLinkPurpose purpose, string action, string token)
    {
        if (!await TryAcquireAsync())
            return StatusCode(StatusCodes.Status429TooManyRequests);

        if (await CheckAsync(purpose, token) == null)
            return await InvalidAsync(purpose, action);

        return await PageAsync(purpose, action, token, EmailLinkState.Confirm, "Ask");
    }

    private async Task<IActionResult> ConfirmAsync(EmailLinkPurpose purpose, string action, string token)
    {
        if (!await TryAcquireAsync())
            return StatusCode(StatusCodes.Status429TooManyRequests);

        var subject = await CheckAsync(purpose, token);
        if (subject == null)
            return await InvalidAsync(purpose, action);

        var done = purpose == EmailLinkPurpose.StopReminders
            ? await _optOut.StopRemindersAsync(subject.CustomerId, subject.StoreId)
            : await _optOut.UnsubscribeAllAsync(subject.CustomerId, subject.StoreId) != null;
        if (!done)
            return await InvalidAsync(purpose, action);

        return await PageAsync(purpose, action, null, EmailLinkState.Done, "Done");
    }

    //every attempt spends from the visitor's bucket, so guessing tokens is as slow as clicking
    private async Task<bool> TryAcquireAsync()
    {
        var visitor = await _workContext.GetCurrentCustomerAsync();
        return visitor != null && _rateLimiter.TryAcquire(visitor.Id);
    }

    /// <summary>
    /// The token must be signed with this store's key and name this store: a link opened on another store of the
    /// installation changes nothing there.
    /// </summary>
    private async Task<EmailLinkSubject> CheckAsync(EmailLinkPurpose purpose, string token)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(store.Id);
        var subject = EmailLinks.Check(settings.TrackingKey, token, purpose);

        return subject?.StoreId == store.Id ? subject : null;
    }

    private async Task<IActionResult> InvalidAsync(EmailLinkPurpose purpose, string action)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await PageAsync(purpose, action, null, EmailLinkState.Invalid, "Invalid");
    }

    private async Task<IActionResult> PageAsync(EmailLinkPurpose purpose, string action, string token, EmailLinkState state, string messageSuffix)
    {
        var prefix = $"{RESOURCES}{purpose}.";
        var model = new EmailLinkModel
        {
            Token = token,
            Action = action,
            State = state,
            Title = await _localizationService.GetResourceAsync(prefix + "Title"),
            Message = await _localizationService.GetResourceAsync(state == EmailLinkState.Invalid ? RESOURCES + "Invalid" : prefix + messageSuffix)
        };

        return View(VIEW, model);
    }
}
