using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.Personalization.Services.BackInStock;

/// <summary>
/// The "back in stock for you" e-mail's nopCommerce message template, installed like the reminders' (active, English,
/// editable under Content management › Message templates, removed with the plugin); sending stays off until the owner
/// enables the setting.
/// </summary>
public class BackInStockEmailTemplate : PluginMessageTemplate
{
    public const string SYSTEM_NAME = "Personalization.BackInStock.CustomerNotification";

    public const string DEFAULT_SUBJECT = "%Store.Name%: back in stock for you";

    public const string DEFAULT_BODY =
        OPENING +
        "<p>Good news: this is back in stock, and we thought of you:</p>\n" +
        "%" + ReplenishmentEmailTokens.PRODUCTS_TOKEN + "%\n" +
        CLOSING;

    public BackInStockEmailTemplate(EmailAccountSettings emailAccountSettings, IMessageTemplateService messageTemplateService)
        : base(emailAccountSettings, messageTemplateService)
    {
    }

    protected override string Name => SYSTEM_NAME;

    protected override string Subject => DEFAULT_SUBJECT;

    protected override string Body => DEFAULT_BODY;
}
