using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.Personalization.Services.Replenishment;

/// <summary>
/// The reminder's nopCommerce message template: installed active in English (the owner edits and translates it under
/// Content management › Message templates), removed with the plugin. Sending stays off until the owner enables the
/// setting.
/// </summary>
public class ReplenishmentEmailTemplate : PluginMessageTemplate
{
    public const string SYSTEM_NAME = "Personalization.ReplenishmentReminder.CustomerNotification";

    public const string DEFAULT_SUBJECT = "%Store.Name%: time to stock up again?";

    public const string DEFAULT_BODY =
        OPENING +
        "<p>Judging by your earlier orders, you may soon need these again:</p>\n" +
        "%" + ReplenishmentEmailTokens.PRODUCTS_TOKEN + "%\n" +
        "%" + ReplenishmentEmailTokens.COMPLEMENTS_TOKEN + "%\n" +
        CLOSING;

    public ReplenishmentEmailTemplate(EmailAccountSettings emailAccountSettings, IMessageTemplateService messageTemplateService)
        : base(emailAccountSettings, messageTemplateService)
    {
    }

    protected override string Name => SYSTEM_NAME;

    protected override string Subject => DEFAULT_SUBJECT;

    protected override string Body => DEFAULT_BODY;
}
