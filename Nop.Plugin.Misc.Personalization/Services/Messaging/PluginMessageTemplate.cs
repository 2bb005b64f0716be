using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// A nopCommerce message template the plugin installs for one of its e-mails: active, in English, with the default
/// e-mail account (the owner edits and translates it under Content management › Message templates); kept when one of
/// that name exists, removed with the plugin.
/// </summary>
public abstract class PluginMessageTemplate
{
    /// <summary>How every plugin e-mail opens: the store's name linking home, and the greeting.</summary>
    public const string OPENING =
        "<p><a href=\"%Store.URL%\">%Store.Name%</a></p>\n" +
        "<p>Hello %Customer.FullName%,</p>\n";

    /// <summary>How every plugin e-mail ends: why it came, and the two ways out (this kind of e-mail, the newsletter).</summary>
    public const string CLOSING =
        "<p>You receive this e-mail because you agreed to hear from %Store.Name%. " +
        "<a href=\"%" + ReplenishmentEmailTokens.STOP_REMINDERS_TOKEN + "%\">No more reminders</a> · " +
        "<a href=\"%NewsLetterSubscription.DeactivationUrl%\">Unsubscribe from the newsletter</a></p>\n";

    private readonly EmailAccountSettings _emailAccountSettings;
    private readonly IMessageTemplateService _messageTemplateService;

    protected PluginMessageTemplate(EmailAccountSettings emailAccountSettings, IMessageTemplateService messageTemplateService)
    {
        _emailAccountSettings = emailAccountSettings;
        _messageTemplateService = messageTemplateService;
    }

    protected abstract string Name { get; }

    protected abstract string Subject { get; }

    protected abstract string Body { get; }

    /// <summary>Adds the template unless one of that name exists (then the shop's wording is kept).</summary>
    public virtual async Task InstallAsync()
    {
        if ((await _messageTemplateService.GetMessageTemplatesByNameAsync(Name)).Count > 0)
            return;

        await _messageTemplateService.InsertMessageTemplateAsync(new MessageTemplate
        {
            Name = Name,
            Subject = Subject,
            Body = Body,
            IsActive = true,
            EmailAccountId = _emailAccountSettings.DefaultEmailAccountId,
            LimitedToStores = false
        });
    }

    public virtual async Task UninstallAsync()
    {
        foreach (var template in await _messageTemplateService.GetMessageTemplatesByNameAsync(Name))
            await _messageTemplateService.DeleteMessageTemplateAsync(template);
    }
}
