namespace Nop.Plugin.Misc.Personalization;

/// <summary>
/// What counts as a customer's permission to receive the plugin's marketing e-mails (replenishment reminders).
/// </summary>
public enum EmailConsent
{
    /// <summary>An active newsletter subscription in the store, of the type the owner picked (or of any type).</summary>
    NewsletterSubscription = 0,

    /// <summary>A nopCommerce GDPR consent the owner picked, accepted by the customer.</summary>
    GdprConsent = 10
}
