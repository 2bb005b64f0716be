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

    /// <summary>Route patterns after the language prefix.</summary>
    public static string StopRemindersRoutePattern => "personalization/email/stop-reminders";

    public static string UnsubscribeRoutePattern => "personalization/email/unsubscribe";

    public static int RequestsPerMinute => 10;

    /// <returns>The link, or null when the key is unusable.</returns>
    public static string Url(string siteRoot, string trackingKey, EmailLinkPurpose purpose, int customerId, int storeId)
    {
        var codec = Codec(trackingKey);
        if (codec == null)
            return null;

        var pattern = purpose == EmailLinkPurpose.StopReminders ? StopRemindersRoutePattern : UnsubscribeRoutePattern;
        return $"{(siteRoot ?? string.Empty).TrimEnd('/')}/{pattern}?token={codec.Issue(purpose, customerId, storeId)}";
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
