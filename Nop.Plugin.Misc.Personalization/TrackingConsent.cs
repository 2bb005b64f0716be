namespace Nop.Plugin.Misc.Personalization;

/// <summary>
/// Whose behaviour the plugin may record.
/// </summary>
public enum TrackingConsent
{
    /// <summary>Every visitor, guests included.</summary>
    Everyone = 0,

    /// <summary>Only customers who accepted the consent the admin selected.</summary>
    ConsentedOnly = 10,

    /// <summary>Nobody identifiable: only anonymous aggregates (trending) are kept.</summary>
    Nobody = 20
}
