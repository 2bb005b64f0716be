using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core.Domain;
using Nop.Services.Configuration;
using Nop.Services.Gdpr;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Models;

/// <summary>
/// The consent part of the configuration page: the modes with their one-line explanations, the shop's GDPR consents,
/// and the warning when the cookie-banner mode is chosen but the shop shows no banner.
/// </summary>
public class ConsentModelFactory
{
    private readonly IGdprService _gdprService;
    private readonly ILocalizationService _localizationService;
    private readonly ISettingService _settingService;

    public ConsentModelFactory(IGdprService gdprService, ILocalizationService localizationService, ISettingService settingService)
    {
        _gdprService = gdprService;
        _localizationService = localizationService;
        _settingService = settingService;
    }

    public async Task PrepareAsync(ConfigurationModel model)
    {
        model.AvailableConsents = new List<SelectListItem>();
        model.ConsentModeHints = new List<string>();
        foreach (var consent in Enum.GetValues<TrackingConsent>())
        {
            var resource = $"{PersonalizationDefaults.ResourcePrefix}Consent.{consent}";
            model.AvailableConsents.Add(new SelectListItem(await _localizationService.GetResourceAsync(resource), ((int)consent).ToString(), model.Consent == (int)consent));
            model.ConsentModeHints.Add(await _localizationService.GetResourceAsync($"{resource}.Hint"));
        }

        model.AvailableGdprConsents = new List<SelectListItem>
        {
            new(await _localizationService.GetResourceAsync($"{PersonalizationDefaults.ResourcePrefix}Consent.NoGdprConsent"), "0", model.GdprConsentId <= 0)
        };
        foreach (var gdprConsent in (await _gdprService.GetAllConsentsAsync()).OrderBy(c => c.DisplayOrder).ThenBy(c => c.Id))
            model.AvailableGdprConsents.Add(new SelectListItem(gdprConsent.Message, gdprConsent.Id.ToString(), model.GdprConsentId == gdprConsent.Id));

        if (model.Consent == (int)TrackingConsent.CookieBannerAccepted)
        {
            var storeInformation = await _settingService.LoadSettingAsync<StoreInformationSettings>(model.ActiveStoreScopeConfiguration);
            model.CookieBannerHidden = storeInformation?.DisplayEuCookieLawWarning != true;
        }
    }
}
