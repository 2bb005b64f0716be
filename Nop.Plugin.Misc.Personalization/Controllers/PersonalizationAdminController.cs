using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core;
using Nop.Plugin.Misc.Personalization.Engine.Training;
using Nop.Plugin.Misc.Personalization.Models;
using Nop.Plugin.Misc.Personalization.Models.Placements;
using Nop.Plugin.Misc.Personalization.Models.Segments;
using Nop.Plugin.Misc.Personalization.Models.Status;
using Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Plugin.Misc.Personalization.Services.Reporting;
using Nop.Services.Configuration;
using Nop.Services.Gdpr;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Services.Search;
using Nop.Plugin.Misc.Personalization.Services.Privacy;

namespace Nop.Plugin.Misc.Personalization.Controllers;

[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class PersonalizationAdminController : BasePluginController
{
    private readonly IGdprService _gdprService;
    private readonly ConsentModelFactory _consentModelFactory;
    private readonly ConsentModeSwitch _consentModeSwitch;
    private readonly ILocalizationService _localizationService;
    private readonly IShopLog _log;
    private readonly INewsLetterSubscriptionTypeService _newsLetterSubscriptionTypeService;
    private readonly INotificationService _notificationService;
    private readonly PerformanceModelFactory _performanceModelFactory;
    private readonly PlacementModelFactory _placementModelFactory;
    private readonly SegmentModelFactory _segmentModelFactory;
    private readonly ISettingService _settingService;
    private readonly StatusModelFactory _statusModelFactory;
    private readonly HealthModelFactory _healthModelFactory;
    private readonly IStoreContext _storeContext;
    private readonly SearchDelegation _searchDelegation;

    public PersonalizationAdminController(IGdprService gdprService,
        ConsentModelFactory consentModelFactory,
        ConsentModeSwitch consentModeSwitch,
        ILocalizationService localizationService,
        IShopLog shopLog,
        INewsLetterSubscriptionTypeService newsLetterSubscriptionTypeService,
        INotificationService notificationService,
        PerformanceModelFactory performanceModelFactory,
        PlacementModelFactory placementModelFactory,
        SegmentModelFactory segmentModelFactory,
        ISettingService settingService,
        StatusModelFactory statusModelFactory,
        HealthModelFactory healthModelFactory,
        IStoreContext storeContext,
        SearchDelegation searchDelegation)
    {
        _gdprService = gdprService;
        _consentModelFactory = consentModelFactory;
        _consentModeSwitch = consentModeSwitch;
        _localizationService = localizationService;
        _log = shopLog;
        _newsLetterSubscriptionTypeService = newsLetterSubscriptionTypeService;
        _notificationService = notificationService;
        _performanceModelFactory = performanceModelFactory;
        _placementModelFactory = placementModelFactory;
        _segmentModelFactory = segmentModelFactory;
        _settingService = settingService;
        _statusModelFactory = statusModelFactory;
        _healthModelFactory = healthModelFactory;
        _storeContext = storeContext;
        _searchDelegation = searchDelegation;
    }

    /// <param name="days">The placement performance period, one of <see cref="PlacementReportService.Periods"/>.</param>
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Configure(int days = PlacementReportService.DEFAULT_DAYS)
    {
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(storeScope);

        var model = new ConfigurationModel
        {
            ActiveStoreScopeConfiguration = storeScope,
            Enabled = settings.Enabled,
            Consent = (int)settings.Consent,
            GdprConsentId = settings.GdprConsentId,
            HoldoutPercent = settings.HoldoutPercent,
            DecayHalfLifeDays = settings.DecayHalfLifeDays,
            RetentionDays = settings.RetentionDays,
            MaxBufferedEvents = settings.MaxBufferedEvents,
            TrainingMemoryMegabytes = settings.TrainingMemoryMegabytes > 0 ? settings.TrainingMemoryMegabytes : TrainingMemoryGuard.DEFAULT_MEGABYTES,
            TrainingNode = settings.TrainingNode,
            ProductBoxCacheMinutes = settings.ProductBoxCacheMinutes,
            ShowOutOfStockProducts = settings.ShowOutOfStockProducts,
            LowStockThreshold = settings.LowStockThreshold,
            PromoteLowStock = settings.PromoteLowStock,
            MinimumProductsPerPlacement = settings.MinimumProductsPerPlacement,
            MaxProductsPerCategory = settings.MaxProductsPerCategory,
            ReplenishmentEmailsEnabled = settings.ReplenishmentEmailsEnabled,
            BackInStockMaxCustomers = settings.BackInStockMaxCustomers,
            BackInStockOfferDays = settings.BackInStockOfferDays,
            BackInStockEmailsEnabled = settings.BackInStockEmailsEnabled,
            //settings saved before these fields existed read as 0: show the defaults the reminder task uses
            ReplenishmentEmailMinDaysBetween = ReplenishmentEmailRules.MinDaysBetweenOrDefault(settings.ReplenishmentEmailMinDaysBetween),
            ReplenishmentEmailMaxProducts = ReplenishmentEmailRules.MaxProductsOrDefault(settings.ReplenishmentEmailMaxProducts),
            ReplenishmentEmailConsent = (int)settings.ReplenishmentEmailConsent,
            ReplenishmentEmailNewsletterTypeId = settings.ReplenishmentEmailNewsletterTypeId,
            ReplenishmentEmailGdprConsentId = settings.ReplenishmentEmailGdprConsentId,
            AbandonedCartEmailsEnabled = settings.AbandonedCartEmailsEnabled,
            AbandonedCartFirstDelayMinutes = (int)AbandonedCartSettings.Rules(settings).FirstDelay.TotalMinutes,
            AbandonedCartSecondReminderEnabled = settings.AbandonedCartSecondReminderEnabled,
            AbandonedCartSecondDelayHours = settings.AbandonedCartSecondDelayHours > 0
                ? settings.AbandonedCartSecondDelayHours : PersonalizationSettings.DEFAULT_ABANDONED_CART_SECOND_DELAY_HOURS,
            EmailFrequencyCapHours = settings.EmailFrequencyCapHours,
            AbandonedCartLastRun = await AbandonedCartLastRunAsync(),
            IsSearchProvider = await new SearchProviderSwitch(_settingService).IsActiveAsync(),
            SearchDelegateSystemName = settings.SearchDelegateSystemName
        };

        if (storeScope > 0)
        {
            model.Enabled_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.Enabled, storeScope);
            model.Consent_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.Consent, storeScope);
            model.HoldoutPercent_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.HoldoutPercent, storeScope);
            model.DecayHalfLifeDays_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.DecayHalfLifeDays, storeScope);
            model.ShowOutOfStockProducts_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.ShowOutOfStockProducts, storeScope);
            model.LowStockThreshold_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.LowStockThreshold, storeScope);
            model.PromoteLowStock_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.PromoteLowStock, storeScope);
            model.MinimumProductsPerPlacement_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.MinimumProductsPerPlacement, storeScope);
            model.MaxProductsPerCategory_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.MaxProductsPerCategory, storeScope);
            model.ReplenishmentEmailsEnabled_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.ReplenishmentEmailsEnabled, storeScope);
            model.BackInStockMaxCustomers_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.BackInStockMaxCustomers, storeScope);
            model.BackInStockOfferDays_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.BackInStockOfferDays, storeScope);
            model.BackInStockEmailsEnabled_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.BackInStockEmailsEnabled, storeScope);
            model.ReplenishmentEmailMinDaysBetween_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.ReplenishmentEmailMinDaysBetween, storeScope);
            model.ReplenishmentEmailMaxProducts_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.ReplenishmentEmailMaxProducts, storeScope);
            model.ReplenishmentEmailConsent_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.ReplenishmentEmailConsent, storeScope);
            model.ReplenishmentEmailNewsletterTypeId_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.ReplenishmentEmailNewsletterTypeId, storeScope);
            model.ReplenishmentEmailGdprConsentId_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.ReplenishmentEmailGdprConsentId, storeScope);
            model.AbandonedCartEmailsEnabled_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.AbandonedCartEmailsEnabled, storeScope);
            model.AbandonedCartFirstDelayMinutes_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.AbandonedCartFirstDelayMinutes, storeScope);
            model.AbandonedCartSecondReminderEnabled_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.AbandonedCartSecondReminderEnabled, storeScope);
            model.AbandonedCartSecondDelayHours_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.AbandonedCartSecondDelayHours, storeScope);
            model.EmailFrequencyCapHours_OverrideForStore = await _settingService.SettingExistsAsync(settings, s => s.EmailFrequencyCapHours, storeScope);
        }

        return await ConfigurationViewAsync(model, days);
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Configure(ConfigurationModel model)
    {
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var typeIds = (await _newsLetterSubscriptionTypeService.GetAllNewsLetterSubscriptionTypesAsync(storeScope)).Select(type => type.Id).ToList();
        var consentIds = (await _gdprService.GetAllConsentsAsync()).Select(consent => consent.Id).ToList();
        var searchDelegates = (await _searchDelegation.InstalledOthersAsync()).Select(provider => provider.SystemName).ToList();
        foreach (var error in ConfigurationModelValidator.Validate(model).Concat(EmailConsentValidator.Validate(model, typeIds, consentIds))
                     .Concat(SearchDelegateValidator.Validate(model, searchDelegates)))
            ModelState.AddModelError(error.Property, await LocalizedMessages.FormatAsync(_localizationService, error.ResourceKey, error.Arguments));

        model.ActiveStoreScopeConfiguration = storeScope;
        if (!ModelState.IsValid)
            return await ConfigurationViewAsync(model, PlacementReportService.DEFAULT_DAYS);

        //a stricter consent mode removes identified data collected without it: only once the owner saw how much and confirmed
        var consent = (TrackingConsent)model.Consent;
        var gdprConsentId = consent == TrackingConsent.GdprConsentAccepted ? model.GdprConsentId : 0;
        var stricterStores = await _consentModeSwitch.StricterStoresAsync(storeScope, consent, gdprConsentId, model.Consent_OverrideForStore);
        if (stricterStores.Count > 0 && !model.ConfirmConsentChange)
        {
            var affected = await _consentModeSwitch.CountAsync(stricterStores);
            if (affected.Total > 0)
            {
                model.PendingConsentChange = new ConsentChangeModel(affected.Events, affected.Profiles, affected.Predictions);
                return await ConfigurationViewAsync(model, PlacementReportService.DEFAULT_DAYS);
            }
        }

        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(storeScope);
        settings.Enabled = model.Enabled;
        settings.Consent = consent;
        settings.GdprConsentId = gdprConsentId;
        settings.HoldoutPercent = model.HoldoutPercent;
        settings.DecayHalfLifeDays = model.DecayHalfLifeDays;
        settings.RetentionDays = model.RetentionDays;
        settings.MaxBufferedEvents = model.MaxBufferedEvents;
        settings.TrainingMemoryMegabytes = model.TrainingMemoryMegabytes;
        settings.TrainingNode = model.TrainingNode?.Trim() ?? string.Empty;
        settings.SearchDelegateSystemName = model.SearchDelegateSystemName?.Trim() ?? string.Empty;
        settings.ProductBoxCacheMinutes = model.ProductBoxCacheMinutes;
        settings.ShowOutOfStockProducts = model.ShowOutOfStockProducts;
        settings.LowStockThreshold = model.LowStockThreshold;
        settings.PromoteLowStock = model.PromoteLowStock;
        settings.MinimumProductsPerPlacement = model.MinimumProductsPerPlacement;
        settings.MaxProductsPerCategory = model.MaxProductsPerCategory;
        settings.ReplenishmentEmailsEnabled = model.ReplenishmentEmailsEnabled;
        settings.BackInStockMaxCustomers = model.BackInStockMaxCustomers;
        settings.BackInStockOfferDays = model.BackInStockOfferDays;
        settings.BackInStockEmailsEnabled = model.BackInStockEmailsEnabled;
        settings.ReplenishmentEmailMinDaysBetween = model.ReplenishmentEmailMinDaysBetween;
        settings.ReplenishmentEmailMaxProducts = model.ReplenishmentEmailMaxProducts;
        settings.ReplenishmentEmailConsent = (EmailConsent)model.ReplenishmentEmailConsent;
        settings.ReplenishmentEmailNewsletterTypeId = model.ReplenishmentEmailNewsletterTypeId;
        settings.ReplenishmentEmailGdprConsentId = model.ReplenishmentEmailGdprConsentId;
        settings.AbandonedCartEmailsEnabled = model.AbandonedCartEmailsEnabled;
        settings.AbandonedCartFirstDelayMinutes = model.AbandonedCartFirstDelayMinutes;
        settings.AbandonedCartSecondReminderEnabled = model.AbandonedCartSecondReminderEnabled;
        settings.AbandonedCartSecondDelayHours = model.AbandonedCartSecondDelayHours;
        settings.EmailFrequencyCapHours = model.EmailFrequencyCapHours;

        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.Enabled, model.Enabled_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.Consent, model.Consent_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.GdprConsentId, model.Consent_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.HoldoutPercent, model.HoldoutPercent_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.DecayHalfLifeDays, model.DecayHalfLifeDays_OverrideForStore, storeScope, false);
        //retention and buffering are installation-wide: the cleanup task and the event writer serve every store
        await _settingService.SaveSettingAsync(settings, s => s.RetentionDays, 0, false);
        await _settingService.SaveSettingAsync(settings, s => s.MaxBufferedEvents, 0, false);
        //so is training: one run trains every store
        await _settingService.SaveSettingAsync(settings, s => s.TrainingMemoryMegabytes, 0, false);
        await _settingService.SaveSettingAsync(settings, s => s.TrainingNode, 0, false);
        await _settingService.SaveSettingAsync(settings, s => s.SearchDelegateSystemName, 0, false);
        await _settingService.SaveSettingAsync(settings, s => s.ProductBoxCacheMinutes, 0, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.ShowOutOfStockProducts, model.ShowOutOfStockProducts_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.LowStockThreshold, model.LowStockThreshold_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.PromoteLowStock, model.PromoteLowStock_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.MinimumProductsPerPlacement, model.MinimumProductsPerPlacement_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.MaxProductsPerCategory, model.MaxProductsPerCategory_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.ReplenishmentEmailsEnabled, model.ReplenishmentEmailsEnabled_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.BackInStockMaxCustomers, model.BackInStockMaxCustomers_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.BackInStockOfferDays, model.BackInStockOfferDays_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.BackInStockEmailsEnabled, model.BackInStockEmailsEnabled_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.ReplenishmentEmailMinDaysBetween, model.ReplenishmentEmailMinDaysBetween_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.ReplenishmentEmailMaxProducts, model.ReplenishmentEmailMaxProducts_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.ReplenishmentEmailConsent, model.ReplenishmentEmailConsent_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.ReplenishmentEmailNewsletterTypeId, model.ReplenishmentEmailNewsletterTypeId_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.ReplenishmentEmailGdprConsentId, model.ReplenishmentEmailGdprConsentId_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.AbandonedCartEmailsEnabled, model.AbandonedCartEmailsEnabled_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.AbandonedCartFirstDelayMinutes, model.AbandonedCartFirstDelayMinutes_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.AbandonedCartSecondReminderEnabled, model.AbandonedCartSecondReminderEnabled_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.AbandonedCartSecondDelayHours, model.AbandonedCartSecondDelayHours_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.EmailFrequencyCapHours, model.EmailFrequencyCapHours_OverrideForStore, storeScope, false);
        //installation-wide: nopCommerce reads the search provider of the whole installation
        await new SearchProviderSwitch(_settingService).SetActiveAsync(model.IsSearchProvider);
        await _settingService.ClearCacheAsync();

        _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Admin.Plugins.Saved"));

        if (stricterStores.Count > 0)
        {
            var removed = await _consentModeSwitch.RemoveAsync(stricterStores);
            _log.Information($"consent mode {consent} saved: {removed.Events} events made anonymous, {removed.Profiles} profiles and {removed.Predictions} predictions deleted.");
            _notificationService.SuccessNotification(await LocalizedMessages.FormatAsync(_localizationService, "Plugins.Misc.Personalization.Consent.Removed",
                [removed.Events, removed.Profiles, removed.Predictions]));
        }

        return await Configure();
    }

    private async Task<IActionResult> ConfigurationViewAsync(ConfigurationModel model, int days)
    {
        await _consentModelFactory.PrepareAsync(model);

        await PrepareEmailConsentChoicesAsync(model);
        await PrepareSearchDelegateChoicesAsync(model);
        model.ThisNode = Environment.MachineName;

        model.Placements = await _placementModelFactory.PrepareListModelAsync(model.ActiveStoreScopeConfiguration);
        model.Health = await ReadOrLogAsync(() => _healthModelFactory.PrepareAsync(model.ActiveStoreScopeConfiguration), "health")
            ?? new HealthModel { Unavailable = true };
        model.Status = await ReadOrLogAsync(() => _statusModelFactory.PrepareAsync(), "status")
            ?? new StatusModel { Unavailable = true };
        model.Performance = await ReadOrLogAsync(() => _performanceModelFactory.PrepareAsync(model.ActiveStoreScopeConfiguration, days), "placement performance")
            ?? new PerformanceModel { Unavailable = true, Days = PlacementReportService.NormalizeDays(days) };
        model.Segments = await ReadOrLogAsync(() => _segmentModelFactory.PrepareListModelAsync(), "segments")
            ?? new SegmentListModel { Unavailable = true };

        return View($"{PersonalizationDefaults.ViewsPath}Configure.cshtml", model);
    }

    private async Task<string> AbandonedCartLastRunAsync()
    {
        var state = await _settingService.LoadSettingAsync<PersonalizationAbandonedCartState>();
        if (state?.LastRunUtc is not { } lastRun)
            return null;

        return await LocalizedMessages.FormatAsync(_localizationService, "Plugins.Misc.Personalization.AbandonedCartEmail.LastRun",
            [lastRun.ToString("u", System.Globalization.CultureInfo.InvariantCulture), state.LastQueued, state.LastSkipped, state.LastCapped, state.LastFailed]);
    }

    private async Task PrepareSearchDelegateChoicesAsync(ConfigurationModel model)
    {
        model.AvailableSearchDelegates = new List<SelectListItem>
        {
            new(await _localizationService.GetResourceAsync($"{PersonalizationDefaults.ResourcePrefix}SearchDelegate.OwnIndex"), string.Empty,
                string.IsNullOrEmpty(model.SearchDelegateSystemName))
        };
        foreach (var (systemName, friendlyName) in await _searchDelegation.InstalledOthersAsync())
            model.AvailableSearchDelegates.Add(new SelectListItem(friendlyName, systemName,
                string.Equals(systemName, model.SearchDelegateSystemName, StringComparison.OrdinalIgnoreCase)));
    }

    private async Task PrepareEmailConsentChoicesAsync(ConfigurationModel model)
    {
        model.AvailableEmailConsents = new List<SelectListItem>();
        foreach (var consent in Enum.GetValues<EmailConsent>())
        {
            model.AvailableEmailConsents.Add(new SelectListItem(
                await _localizationService.GetResourceAsync($"{PersonalizationDefaults.ResourcePrefix}EmailConsent.{consent}"),
                ((int)consent).ToString(),
                model.ReplenishmentEmailConsent == (int)consent));
        }

        model.AvailableNewsletterTypes = new List<SelectListItem>
        {
            new(await _localizationService.GetResourceAsync($"{PersonalizationDefaults.ResourcePrefix}EmailConsent.AnyNewsletterType"), "0", model.ReplenishmentEmailNewsletterTypeId == 0)
        };
        foreach (var type in await _newsLetterSubscriptionTypeService.GetAllNewsLetterSubscriptionTypesAsync(model.ActiveStoreScopeConfiguration))
            model.AvailableNewsletterTypes.Add(new SelectListItem(type.Name, type.Id.ToString(), model.ReplenishmentEmailNewsletterTypeId == type.Id));

        model.AvailableEmailGdprConsents = new List<SelectListItem>
        {
            new(await _localizationService.GetResourceAsync($"{PersonalizationDefaults.ResourcePrefix}EmailConsent.ChooseGdprConsent"), "0", model.ReplenishmentEmailGdprConsentId == 0)
        };
        foreach (var consent in await _gdprService.GetAllConsentsAsync())
            model.AvailableEmailGdprConsents.Add(new SelectListItem(consent.Message, consent.Id.ToString(), model.ReplenishmentEmailGdprConsentId == consent.Id));
    }

    /// <summary>
    /// The read-only cards must not take the settings form down with them: a failure is logged and the card says it is unavailable.
    /// </summary>
    private async Task<T> ReadOrLogAsync<T>(Func<Task<T>> read, string card) where T : class
    {
        try
        {
            return await read();
        }
        catch (Exception exception)
        {
            _log.Error($"the {card} card of the configuration page could not be built.", exception);
            return null;
        }
    }
}
