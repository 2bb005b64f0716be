using System.Globalization;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Lifetime;
using Nop.Services.Configuration;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Services.Customers;

/// <summary>
/// The customer block's sentences for a profile's e-mail engagement and predicted lifetime; when no lifetime is
/// predicted, the sentence says why (no purchase yet, or the store's buyers and repeat buyers against what the model needs).
/// </summary>
public class ProfileFactTexts
{
    public const string EMAIL = "Plugins.Misc.Personalization.Customer.Profile.Email.Value";
    public const string EMAIL_NONE = "Plugins.Misc.Personalization.Customer.Profile.Email.None";
    public const string LIFETIME = "Plugins.Misc.Personalization.Customer.Profile.Lifetime.Value";
    public const string LIFETIME_UNKNOWN = "Plugins.Misc.Personalization.Customer.Profile.Lifetime.None";
    public const string LIFETIME_NO_ORDER = "Plugins.Misc.Personalization.Customer.Profile.Lifetime.NoOrder";
    public const string LIFETIME_TOO_LITTLE = "Plugins.Misc.Personalization.Customer.Profile.Lifetime.TooLittleHistory";
    public const string LIFETIME_NO_FIT = "Plugins.Misc.Personalization.Customer.Profile.Lifetime.NoFit";

    private static readonly LifetimeOptions _lifetime = new();

    private readonly ILocalizationService _localizationService;
    private readonly ISettingService _settingService;
    private IReadOnlyDictionary<int, LifetimeSupport> _support;

    public ProfileFactTexts(ILocalizationService localizationService, ISettingService settingService)
    {
        _localizationService = localizationService;
        _settingService = settingService;
    }

    public async Task<string> EmailAsync(PersonalizationProfile profile)
    {
        if (profile.EmailsSent90Days is not { } sent)
            return await _localizationService.GetResourceAsync(EMAIL_NONE);

        return string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(EMAIL),
            sent, profile.EmailsOpened90Days ?? 0, profile.EmailsClicked90Days ?? 0,
            profile.EmailClickRate is { } rate ? rate.ToString("P0", CultureInfo.CurrentCulture) : "-",
            Day(profile.LastEmailOpenOnUtc), Day(profile.LastEmailClickOnUtc));
    }

    public async Task<string> LifetimeAsync(PersonalizationProfile profile)
    {
        if (profile.ProbabilityAlive is { } alive && profile.ExpectedPurchases90Days is { } expected)
            return string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(LIFETIME),
                alive.ToString("P0", CultureInfo.CurrentCulture), expected.ToString("0.0#", CultureInfo.CurrentCulture));
        if (profile.Orders == 0)
            return await _localizationService.GetResourceAsync(LIFETIME_NO_ORDER);

        _support ??= LifetimeSupportText.Parse((await _settingService.LoadSettingAsync<PersonalizationInsightsState>()).LifetimeSupport);
        if (!_support.TryGetValue(profile.StoreId, out var support))
            return await _localizationService.GetResourceAsync(LIFETIME_UNKNOWN);

        return support.HasEnoughHistory(_lifetime)
            ? string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(LIFETIME_NO_FIT), support.Buyers, support.RepeatBuyers)
            : string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(LIFETIME_TOO_LITTLE),
                support.Buyers, support.RepeatBuyers, _lifetime.MinCustomers, _lifetime.MinRepeatCustomers);
    }

    private static string Day(DateTime? timeUtc) => timeUtc?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
}
