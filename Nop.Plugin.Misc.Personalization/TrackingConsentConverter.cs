using System.ComponentModel;
using System.Globalization;

namespace Nop.Plugin.Misc.Personalization;

/// <summary>
/// nopCommerce stores enum settings by name. Shops saved the cookie-banner mode as "ConsentedOnly" before it was
/// renamed; that name keeps meaning the cookie banner.
/// </summary>
public sealed class TrackingConsentConverter : EnumConverter
{
    public const string LEGACY_COOKIE_BANNER_NAME = "ConsentedOnly";

    public TrackingConsentConverter() : base(typeof(TrackingConsent))
    {
    }

    public override bool IsValid(ITypeDescriptorContext context, object value) =>
        IsLegacy(value) || base.IsValid(context, value);

    public override object ConvertFrom(ITypeDescriptorContext context, CultureInfo culture, object value) =>
        IsLegacy(value) ? TrackingConsent.CookieBannerAccepted : base.ConvertFrom(context, culture, value);

    private static bool IsLegacy(object value) =>
        value is string text && string.Equals(text.Trim(), LEGACY_COOKIE_BANNER_NAME, StringComparison.OrdinalIgnoreCase);
}
