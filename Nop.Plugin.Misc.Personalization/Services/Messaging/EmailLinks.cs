using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Measurement;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// The one-click links of the plugin's e-mails: their routes and their tokens, signed with the store's tracking key.
/// Without a usable key (missing, not base64, too short) nothing is issued and nothing validates.
/// </summary>
public static class EmailLinks
{
    public static string StopRemindersRouteName => "Plugin.Misc.Personalization.StopReminders";

    public static string UnsubscribeRouteName => "Plugin.Misc.Personalization.NewsletterUnsubscribe";

    public static string RestoreCartRouteName => "Plugin.Misc.Personalization.RestoreCart";

    /// <summary>Route patterns after the language prefix.</summary>
    public static string StopRemindersRoutePattern => "personalization/email/stop-reminders";

    public static string UnsubscribeRoutePattern => "personalization/email/unsubscribe";

    public static string RestoreCartRoutePattern => "personalization/email/cart";

    public static int RequestsPerMinute => 10;

    /// <returns>The link, or null when the key is unusable.</returns>
    public static string Url(string siteRoot, string trackingKey, EmailLinkPurpose purpose, int customerId, int storeId)
    {
        var codec = Codec(trackingKey);
        if (codec == null)
            return null;

        return Link(siteRoot, purpose, codec.Issue(purpose, customerId, storeId));
    }

    /// <returns>A link that also vouches for <paramref name="state"/>; null when the key or the state is unusable.</returns>
    public static string Url(string siteRoot, string trackingKey, EmailLinkPurpose purpose, int customerId, int storeId, byte[] state)
    {
        var codec = Codec(trackingKey);
        if (codec == null || state is not { Length: EmailLinkCodec.STATE_BYTES })
            return null;

        return Link(siteRoot, purpose, codec.Issue(purpose, customerId, storeId, state));
    }

    private static string Link(string siteRoot, EmailLinkPurpose purpose, string token)
    {
        var pattern = purpose switch
        {
            EmailLinkPurpose.StopReminders => StopRemindersRoutePattern,
            EmailLinkPurpose.RestoreCart => RestoreCartRoutePattern,
            _ => UnsubscribeRoutePattern
        };
        return $"{(siteRoot ?? string.Empty).TrimEnd('/')}/{pattern}?token={token}";
    }

    public static bool HasUsableKey(string trackingKey) => Codec(trackingKey) != null;

    public static EmailLinkSubject Check(string trackingKey, string token, EmailLinkPurpose purpose) =>
        Codec(trackingKey)?.Check(token, purpose);

    private static EmailLinkCodec Codec(string trackingKey)
    {
        var key = TrackingKeyBytes.Read(trackingKey, EmailLinkCodec.MIN_KEY_BYTES);
        return key == null ? null : new EmailLinkCodec(key);
    }
}
