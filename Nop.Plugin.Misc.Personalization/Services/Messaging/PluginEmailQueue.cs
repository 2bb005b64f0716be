using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// What every plugin e-mail shares on its way into nopCommerce's queued e-mails (the language and the store address of
/// its links come from <see cref="EmailSiteRoot"/>): the template's e-mail account, and the queued row itself (subject
/// and body in that language with the tokens replaced, the template's BCC and delay).
/// </summary>
public class PluginEmailQueue
{
    private const int MAX_NAME_LENGTH = 300;
    private const string STOP_LINK_RESOURCE = "Plugins.Misc.Personalization.ReplenishmentEmail.StopReminders";

    private readonly EmailAccountSettings _emailAccountSettings;
    private readonly IEmailAccountService _emailAccountService;
    private readonly ILocalizationService _localizationService;
    private readonly IQueuedEmailService _queuedEmailService;

    public PluginEmailQueue(EmailAccountSettings emailAccountSettings,
        IEmailAccountService emailAccountService,
        ILocalizationService localizationService,
        IQueuedEmailService queuedEmailService)
    {
        _emailAccountSettings = emailAccountSettings;
        _emailAccountService = emailAccountService;
        _localizationService = localizationService;
        _queuedEmailService = queuedEmailService;
    }

    /// <summary>Whom a plugin e-mail may go to at all (consent and registration are checked apart).</summary>
    public static bool IsReachable(Customer customer) =>
        customer is { Deleted: false, Active: true, IsSystemAccount: false } && !string.IsNullOrWhiteSpace(customer.Email);

    /// <summary>
    /// The tokens every plugin e-mail shares, named as nopCommerce names them, with the plugin's own signed opt-out links
    /// (nopCommerce's deactivation link ends only the rows sharing one GUID, and on a GET a mail scanner may send).
    /// </summary>
    public static ReplenishmentEmailTokens CommonTokens(string storeName, Store store, Customer customer, string customerName,
        string unsubscribeUrl, string stopRemindersUrl) => new ReplenishmentEmailTokens()
        .Add("Store.Name", storeName)
        .Add("Store.URL", store.Url, neverEncoded: true)
        .Add("Customer.Email", customer.Email)
        .Add("Customer.FullName", customerName)
        .Add("NewsLetterSubscription.Email", customer.Email.Trim())
        .Add("NewsLetterSubscription.DeactivationUrl", unsubscribeUrl, neverEncoded: true)
        .Add(ReplenishmentEmailTokens.STOP_REMINDERS_TOKEN, stopRemindersUrl, neverEncoded: true);

    /// <summary>
    /// Queues an e-mail tracked by <paramref name="tracking"/>: a template reworded without the "no more
    /// reminders" link still carries it, and the open pixel goes last (the caller records the send once queued).
    /// </summary>
    /// <returns>False when no e-mail account could send it.</returns>
    public virtual async Task<bool> QueueTrackedAsync(MessageTemplate template, int languageId, string toEmail, string toName,
        ReplenishmentEmailTokens tokens, EmailTrackingLinks tracking, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(tracking);

        async Task<string> WithStopLinkAndPixel(string body) => (ReplenishmentEmailTokens.Mentions(body, ReplenishmentEmailTokens.STOP_REMINDERS_TOKEN)
            ? body
            : body + ReplenishmentEmailTokens.StopRemindersFooter(await _localizationService.GetResourceAsync(STOP_LINK_RESOURCE, languageId))) + tracking.PixelTag;

        return await QueueAsync(template, languageId, toEmail, toName, tokens, WithStopLinkAndPixel, nowUtc);
    }

    /// <param name="completeBody">Adds what a reworded template lost (e.g. a mandatory opt-out link), before replacing.</param>
    /// <returns>False when no e-mail account could send it.</returns>
    public virtual async Task<bool> QueueAsync(MessageTemplate template, int languageId, string toEmail, string toName,
        ReplenishmentEmailTokens tokens, Func<string, Task<string>> completeBody, DateTime nowUtc)
    {
        var emailAccount = await EmailAccountAsync(template, languageId);
        if (emailAccount == null)
            return false;

        var subject = await _localizationService.GetLocalizedAsync(template, t => t.Subject, languageId);
        var body = await _localizationService.GetLocalizedAsync(template, t => t.Body, languageId);
        if (completeBody != null)
            body = await completeBody(body);
        var bcc = await _localizationService.GetLocalizedAsync(template, t => t.BccEmailAddresses, languageId);

        await _queuedEmailService.InsertQueuedEmailAsync(new QueuedEmail
        {
            PriorityId = (int)QueuedEmailPriority.Low,
            From = emailAccount.Email,
            FromName = emailAccount.DisplayName,
            To = toEmail,
            ToName = toName?.Length > MAX_NAME_LENGTH ? toName[..MAX_NAME_LENGTH] : toName,
            CC = string.Empty,
            Bcc = bcc,
            Subject = tokens.Replace(subject, htmlEncode: false),
            Body = tokens.Replace(body, htmlEncode: true),
            AttachedDownloadId = template.AttachedDownloadId,
            CreatedOnUtc = nowUtc,
            DontSendBeforeDateUtc = template.DelayBeforeSend.HasValue ? nowUtc.AddHours(DelayHours(template)) : null,
            EmailAccountId = emailAccount.Id
        });

        return true;
    }

    //the template's "delay before send": nopCommerce's MessageDelayPeriod is 0 = hours, 1 = days
    private static int DelayHours(MessageTemplate template) =>
        template.DelayPeriodId == 1 ? template.DelayBeforeSend.GetValueOrDefault() * 24 : template.DelayBeforeSend.GetValueOrDefault();

    private async Task<EmailAccount> EmailAccountAsync(MessageTemplate template, int languageId)
    {
        var emailAccountId = await _localizationService.GetLocalizedAsync(template, t => t.EmailAccountId, languageId);
        if (emailAccountId == 0)
            emailAccountId = template.EmailAccountId;

        return await _emailAccountService.GetEmailAccountByIdAsync(emailAccountId)
            ?? await _emailAccountService.GetEmailAccountByIdAsync(_emailAccountSettings.DefaultEmailAccountId)
            ?? (await _emailAccountService.GetAllEmailAccountsAsync()).FirstOrDefault();
    }
}
