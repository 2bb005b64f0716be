using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;

/// <summary>
/// The abandoned-cart e-mail's nopCommerce message template: installed active in English (the owner edits and
/// translates it under Content management › Message templates), removed with the plugin. Sending stays off until the
/// owner enables it per store.
/// </summary>
public class AbandonedCartEmailTemplate
{
    public const string SYSTEM_NAME = "Personalization.AbandonedCart.CustomerNotification";

    public const string DEFAULT_SUBJECT = "%Store.Name%: your cart is waiting";

    public const string DEFAULT_BODY =
        "<p><a href=\"%Store.URL%\">%Store.Name%</a></p>\n" +
        "<p>Hello %Customer.FullName%,</p>\n" +
        "<p>You left these in your cart:</p>\n" +
        "%" + AbandonedCartEmailTokens.ITEMS_TOKEN + "%\n" +
        "<p><a href=\"%" + AbandonedCartEmailTokens.RESTORE_URL_TOKEN + "%\">Back to my cart</a></p>\n" +
        "%" + AbandonedCartEmailTokens.COMPLEMENTS_TOKEN + "%\n" +
        "<p>You receive this e-mail because you agreed to hear from %Store.Name%. " +
        "<a href=\"%" + ReplenishmentEmailTokens.STOP_REMINDERS_TOKEN + "%\">No more reminders</a> · " +
        "<a href=\"%NewsLetterSubscription.DeactivationUrl%\">Unsubscribe from the newsletter</a></p>\n";

    private readonly EmailAccountSettings _emailAccountSettings;
    private readonly IMessageTemplateService _messageTemplateService;

    public AbandonedCartEmailTemplate(EmailAccountSettings emailAccountSettings, IMessageTemplateService messageTemplateService)
    {
        _emailAccountSettings = emailAccountSettings;
        _messageTemplateService = messageTemplateService;
    }

    /// <summary>Adds the template unless one of that name exists (then the shop's wording is kept).</summary>
    public virtual async Task InstallAsync()
    {
        if ((await _messageTemplateService.GetMessageTemplatesByNameAsync(SYSTEM_NAME)).Count > 0)
            return;

        await _messageTemplateService.InsertMessageTemplateAsync(new MessageTemplate
        {
            Name = SYSTEM_NAME,
            Subject = DEFAULT_SUBJECT,
            Body = DEFAULT_BODY,
            IsActive = true,
            EmailAccountId = _emailAccountSettings.DefaultEmailAccountId,
            LimitedToStores = false
        });
    }

    public virtual async Task UninstallAsync()
    {
        foreach (var template in await _messageTemplateService.GetMessageTemplatesByNameAsync(SYSTEM_NAME))
            await _messageTemplateService.DeleteMessageTemplateAsync(template);
    }
}
