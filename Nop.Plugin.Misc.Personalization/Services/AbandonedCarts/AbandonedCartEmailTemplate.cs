using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;

/// <summary>
/// The abandoned-cart e-mail's nopCommerce message template: installed active in English (the owner edits and
/// translates it under Content management › Message templates), removed with the plugin. Sending stays off until the
/// owner enables it per store.
/// </summary>
public class AbandonedCartEmailTemplate : PluginMessageTemplate
{
    public const string SYSTEM_NAME = "Personalization.AbandonedCart.CustomerNotification";

    public const string DEFAULT_SUBJECT = "%Store.Name%: your cart is waiting";

    public const string DEFAULT_BODY =
        OPENING +
        "<p>You left these in your cart:</p>\n" +
        "%" + AbandonedCartEmailTokens.ITEMS_TOKEN + "%\n" +
        "<p><a href=\"%" + AbandonedCartEmailTokens.RESTORE_URL_TOKEN + "%\">Back to my cart</a></p>\n" +
        "%" + AbandonedCartEmailTokens.COMPLEMENTS_TOKEN + "%\n" +
        CLOSING;

    public AbandonedCartEmailTemplate(EmailAccountSettings emailAccountSettings, IMessageTemplateService messageTemplateService)
        : base(emailAccountSettings, messageTemplateService)
    {
    }

    protected override string Name => SYSTEM_NAME;

    protected override string Subject => DEFAULT_SUBJECT;

    protected override string Body => DEFAULT_BODY;
}
