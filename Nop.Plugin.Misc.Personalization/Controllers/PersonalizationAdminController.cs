using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core;
using Nop.Plugin.Misc.Personalization.Models;
using Nop.Plugin.Misc.Personalization.Models.Placements;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.Personalization.Controllers;

[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class PersonalizationAdminController : BasePluginController
{
    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly PlacementModelFactory _placementModelFactory;
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;

    public PersonalizationAdminController(ILocalizationService localizationService,
        INotificationService notificationService,
        PlacementModelFactory placementModelFactory,
        ISettingService settingService,
        IStoreContext storeContext)
    {
        _localizationService = localizationService;
        _notificationService = notificationService;
        _placementModelFactory = placementModelFactory;
        _settingService = settingService;
        _storeContext = storeContext;
    }

    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Configure()
    {
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(storeScope);

        var model = new ConfigurationModel
        {
            ActiveStoreScopeConfiguration = storeScope,
            Enabled = settings.Enabled,
            Consent = (int)settings.Consent,
            HoldoutPercent = settings.HoldoutPercent,
            DecayHalfLifeDays = settings.DecayHalfLifeDays,
            RetentionDays = settings.RetentionDays,
            MaxBufferedEvents = settings.MaxBufferedEvents
        };

        if (storeScope > 0)
        {
            model.Enabled_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.Enabled, storeScope);
            model.Consent_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.Consent, storeScope);
            model.HoldoutPercent_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.HoldoutPercent, storeScope);
            model.DecayHalfLifeDays_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.DecayHalfLifeDays, storeScope);
        }

        return await ConfigurationViewAsync(model);
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Configure(ConfigurationModel model)
    {
        foreach (var error in ConfigurationModelValidator.Validate(model))
            ModelState.AddModelError(error.Property, await LocalizedMessages.FormatAsync(_localizationService, error.ResourceKey, error.Arguments));

        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        model.ActiveStoreScopeConfiguration = storeScope;
        if (!ModelState.IsValid)
            return await ConfigurationViewAsync(model);

        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(storeScope);
        settings.Enabled = model.Enabled;
        settings.Consent = (TrackingConsent)model.Consent;
        settings.HoldoutPercent = model.HoldoutPercent;
        settings.DecayHalfLifeDays = model.DecayHalfLifeDays;
        settings.RetentionDays = model.RetentionDays;
        settings.MaxBufferedEvents = model.MaxBufferedEvents;

        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.Enabled, model.Enabled_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.Consent, model.Consent_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.HoldoutPercent, model.HoldoutPercent_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.DecayHalfLifeDays, model.DecayHalfLifeDays_OverrideForStore, storeScope, false);
        //retention and buffering are installation-wide: the cleanup task and the event writer serve every store
        await _settingService.SaveSettingAsync(settings, s => s.RetentionDays, 0, false);
        await _settingService.SaveSettingAsync(settings, s => s.MaxBufferedEvents, 0, false);
        await _settingService.ClearCacheAsync();

        _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Admin.Plugins.Saved"));

        return await Configure();
    }

    private async Task<IActionResult> ConfigurationViewAsync(ConfigurationModel model)
    {
        model.AvailableConsents = new List<SelectListItem>();
        foreach (var consent in Enum.GetValues<TrackingConsent>())
        {
            model.AvailableConsents.Add(new SelectListItem(
                await _localizationService.GetResourceAsync($"{PersonalizationDefaults.ResourcePrefix}Consent.{consent}"),
                ((int)consent).ToString(),
                model.Consent == (int)consent));
        }

        ViewData[PlacementListModel.VIEW_DATA_KEY] = await _placementModelFactory.PrepareListModelAsync(model.ActiveStoreScopeConfiguration);

        return View($"{PersonalizationDefaults.ViewsPath}Configure.cshtml", model);
    }
}
