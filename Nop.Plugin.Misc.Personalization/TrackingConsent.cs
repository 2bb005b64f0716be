using System.ComponentModel;

namespace Nop.Plugin.Misc.Personalization;

/// <summary>
/// Whose behaviour the plugin may tie to a customer. Without it, events are still kept anonymously (customer 0) and feed
/// only the anonymous aggregates (trending, seasonality).
/// </summary>
[TypeConverter(typeof(TrackingConsentConverter))]
public enum TrackingConsent
{
    /// <summary>Every visitor, guests included.</summary>
    Everyone = 0,

    /// <summary>Customers who accepted nopCommerce's EU cookie-law banner.</summary>
    CookieBannerAccepted = 10,

    /// <summary>Customers whose latest answer to the nopCommerce GDPR consent the owner picked is "agree".</summary>
    GdprConsentAccepted = 15,

    /// <summary>Nobody identifiable: only anonymous aggregates (trending, seasonality) are kept.</summary>
    Nobody = 20
}
