using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Gdpr;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Plugin.Misc.Personalization.Components;
using Nop.Plugin.Misc.Personalization.Localization;
using Nop.Plugin.Misc.Personalization.Services;
using Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;
using Nop.Plugin.Misc.Personalization.Services.Backfill;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.BackInStock;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Plugin.Misc.Personalization.Services.Search;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Services.Catalog;
using Nop.Services.Cms;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Plugins;
using Nop.Services.ScheduleTasks;
using Nop.Web.Framework.Infrastructure;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.Personalization;

/// <summary>
/// Lifecycle, widget registration and the search provider's entry point only; the work happens in services.
/// </summary>
public class PersonalizationPlugin : BasePlugin, IWidgetPlugin, IMiscPlugin, ISearchProvider
{
    private readonly AbandonedCartEmailTemplate _abandonedCartEmailTemplate;
    private readonly BackInStockEmailTemplate _backInStockEmailTemplate;
    private readonly IGenericAttributeService _genericAttributeService;
    private readonly ILanguageService _languageService;
    private readonly ILocalizationService _localizationService;
    private readonly INopUrlHelper _nopUrlHelper;
    private readonly IPersonalizedSearch _personalizedSearch;
    private readonly PluginLifetime _pluginLifetime;
    private readonly IPlacementCatalog _placementCatalog;
    private readonly IPlacementService _placementService;
    private readonly PlacementTitles _placementTitles;
    private readonly ReplenishmentEmailTemplate _replenishmentEmailTemplate;
    private readonly RoleSyncActivityLog _roleSyncActivityLog;
    private readonly IScheduleTaskService _scheduleTaskService;
    private readonly SegmentStore _segmentStore;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _timeProvider;
    private readonly WidgetSettings _widgetSettings;

    public PersonalizationPlugin(IGenericAttributeService genericAttributeService,
        ILanguageService languageService,
        ILocalizationService localizationService,
        INopUrlHelper nopUrlHelper,
        IPersonalizedSearch personalizedSearch,
        PluginLifetime pluginLifetime,
        IPlacementCatalog placementCatalog,
        IPlacementService placementService,
        PlacementTitles placementTitles,
        ReplenishmentEmailTemplate replenishmentEmailTemplate,
        RoleSyncActivityLog roleSyncActivityLog,
        IScheduleTaskService scheduleTaskService,
        SegmentStore segmentStore,
        ISettingService settingService,
        TimeProvider timeProvider,
        WidgetSettings widgetSettings,
        AbandonedCartEmailTemplate abandonedCartEmailTemplate,
        BackInStockEmailTemplate backInStockEmailTemplate = null)
    {
        _abandonedCartEmailTemplate = abandonedCartEmailTemplate;
        _backInStockEmailTemplate = backInStockEmailTemplate;
        _genericAttributeService = genericAttributeService;
        _languageService = languageService;
        _localizationService = localizationService;
        _nopUrlHelper = nopUrlHelper;
        _personalizedSearch = personalizedSearch;
        _pluginLifetime = pluginLifetime;
        _placementCatalog = placementCatalog;
        _placementService = placementService;
        _placementTitles = placementTitles;
        _replenishmentEmailTemplate = replenishmentEmailTemplate;
        _roleSyncActivityLog = roleSyncActivityLog;
        _scheduleTaskService = scheduleTaskService;
        _segmentStore = segmentStore;
        _settingService = settingService;
        _timeProvider = timeProvider;
        _widgetSettings = widgetSettings;
    }

    public bool HideInWidgetList => false;

    /// <summary>
    /// nopCommerce keeps this order when the shopper sorts by position. Until this node's index is built it throws, so
    /// nopCommerce runs its standard search (CatalogSettings.UseStandardSearchWhenSearchProviderThrowsException).
    /// </summary>
    public Task<List<int>> SearchProductsAsync(string keywords, bool isLocalized) => _personalizedSearch.SearchAsync(keywords, isLocalized);

    public override string GetConfigurationPageUrl() => _nopUrlHelper.RouteUrl(PersonalizationDefaults.ConfigurationRouteName);

    /// <summary>
    /// The zones of the configured placements, the admin customer page for the customer insights block, and the search
    /// page's basic zone for the click beacon of search results.
    /// </summary>
    public Task<IList<string>> GetWidgetZonesAsync() =>
        Task.FromResult<IList<string>>(_placementCatalog.WidgetZones()
            .Append(AdminWidgetZones.CustomerDetailsBlock)
            .Append(PublicWidgetZones.AccountNavigationAfter)
            .Append(PublicWidgetZones.ProductSearchPageBasic)
            .Distinct()
            .ToList());

    public Type GetWidgetViewComponent(string widgetZone)
    {
        if (string.Equals(widgetZone, AdminWidgetZones.CustomerDetailsBlock, StringComparison.Ordinal))
            return typeof(CustomerInsightsViewComponent);
        if (string.Equals(widgetZone, PublicWidgetZones.ProductSearchPageBasic, StringComparison.Ordinal))
            return typeof(SearchClickTrackingViewComponent);

        //placements cannot use these zones (PlacementZones.IsReserved)
        return string.Equals(widgetZone, PublicWidgetZones.AccountNavigationAfter, StringComparison.Ordinal)
            ? typeof(AccountNavigationViewComponent)
            : typeof(PersonalizationWidgetViewComponent);
    }

    public override async Task InstallAsync()
    {
        var gdprSettings = await _settingService.LoadSettingAsync<GdprSettings>();
        await _settingService.SaveSettingAsync(PersonalizationSettings.Defaults(gdprSettings?.GdprEnabled == true));

        if (!_widgetSettings.ActiveWidgetSystemNames.Contains(PersonalizationDefaults.SystemName))
        {
            _widgetSettings.ActiveWidgetSystemNames.Add(PersonalizationDefaults.SystemName);
            await _settingService.SaveSettingAsync(_widgetSettings);
        }

        await InsertMissingTasksAsync();

        await _localizationService.AddOrUpdateLocaleResourceAsync(LocaleResources.LoadEnglish());

        await _placementService.InsertDefaultPlacementsAsync();
        await _segmentStore.InsertBuiltInSegmentsAsync();
        await _replenishmentEmailTemplate.InstallAsync();
        await _abandonedCartEmailTemplate.InstallAsync();
        if (_backInStockEmailTemplate != null)
            await _backInStockEmailTemplate.InstallAsync();
        await _roleSyncActivityLog.InstallAsync();

        await base.InstallAsync();
    }

    /// <summary>
    /// After a new version of the plugin is uploaded (nopCommerce has run its update migrations): texts added since the
    /// installed version are added, in English, to each language that lacks them. Existing texts are left alone: the
    /// shop may have translated or reworded them.
    /// </summary>
    public override async Task UpdateAsync(string currentVersion, string targetVersion)
    {
        var english = LocaleResources.LoadEnglish();
        foreach (var language in await _languageService.GetAllLanguagesAsync(showHidden: true))
        {
            var existing = await _localizationService.GetAllResourceValuesAsync(language.Id, loadPublicLocales: null);
            var missing = english.Where(resource => !existing.ContainsKey(resource.Key.ToLowerInvariant()))
                .ToDictionary(resource => resource.Key, resource => resource.Value);
            if (missing.Count > 0)
                await _localizationService.AddOrUpdateLocaleResourceAsync(missing, language.Id);
        }

        await SaveDefaultsOfNewSettingsAsync();

        //versions before 0.3.0 installed no segments
        await _segmentStore.InsertBuiltInSegmentsAsync();

        //versions before replenishment reminders had neither their template nor their task
        await _replenishmentEmailTemplate.InstallAsync();
        await _roleSyncActivityLog.InstallAsync();
        await InsertMissingTasksAsync(PersonalizationDefaults.ReplenishmentEmailTask.Type);
        //versions before abandoned-cart e-mails had neither their template nor their task
        await _abandonedCartEmailTemplate.InstallAsync();
        await InsertMissingTasksAsync(PersonalizationDefaults.AbandonedCartEmailTask.Type);
        //versions before back-in-stock offers had no template for their e-mail
        if (_backInStockEmailTemplate != null)
            await _backInStockEmailTemplate.InstallAsync();

        await base.UpdateAsync(currentVersion, targetVersion);
    }

    public override async Task UninstallAsync()
    {
        //nopCommerce drops the tables right after this; the pollers must not read them until the shop restarts
        _pluginLifetime.MarkUninstalled();

        await _settingService.DeleteSettingAsync<PersonalizationSettings>();
        await _settingService.DeleteSettingAsync<PersonalizationBackfillState>();
        await _settingService.DeleteSettingAsync<PersonalizationProfileState>();
        await _settingService.DeleteSettingAsync<PersonalizationInsightsState>();
        await _settingService.DeleteSettingAsync<PersonalizationTrainingState>();
        await _settingService.DeleteSettingAsync<PersonalizationImpressionState>();
        await _settingService.DeleteSettingAsync<PersonalizationAbandonedCartState>();
        await _settingService.DeleteSettingAsync<Services.Messaging.PersonalizationEmailSendState>();
        //an uninstalled plugin is no search provider: nopCommerce's standard search answers again
        await new SearchProviderSwitch(_settingService).SetActiveAsync(false);

        if (_widgetSettings.ActiveWidgetSystemNames.Remove(PersonalizationDefaults.SystemName))
            await _settingService.SaveSettingAsync(_widgetSettings);

        foreach (var (_, type, _) in PersonalizationDefaults.ScheduleTasks)
        {
            var task = await _scheduleTaskService.GetTaskByTypeAsync(type);
            if (task != null)
                await _scheduleTaskService.DeleteTaskAsync(task);
        }

        await _replenishmentEmailTemplate.UninstallAsync();
        await _placementTitles.DeleteAllAsync();
        await _abandonedCartEmailTemplate.UninstallAsync();
        if (_backInStockEmailTemplate != null)
            await _backInStockEmailTemplate.UninstallAsync();
        await _roleSyncActivityLog.UninstallAsync();
        //a customer's "no more reminders" (PersonalizationDefaults.RemindersStoppedAttribute) is kept on purpose: a
        //reinstall must not e-mail them again
        await _genericAttributeService.DeleteAttributesAsync<Customer>(ReplenishmentEmailService.LAST_REMINDER_ATTRIBUTE);
        await _genericAttributeService.DeleteAttributesAsync<Customer>(PersonalizationDefaults.OptedOutAttribute);

        await _localizationService.DeleteLocaleResourcesAsync(PersonalizationDefaults.ResourcePrefix);

        await base.UninstallAsync();
    }

    /// <summary>
    /// A setting added after the installed version would read as 0 (off); it gets the default a new install gets.
    /// </summary>
    private async Task SaveDefaultsOfNewSettingsAsync()
    {
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>();
        var defaults = PersonalizationSettings.Defaults(false);
        if (!await _settingService.SettingExistsAsync(settings, s => s.LowStockThreshold, 0))
        {
            settings.LowStockThreshold = defaults.LowStockThreshold;
            await _settingService.SaveSettingAsync(settings, s => s.LowStockThreshold, 0, false);
        }
        if (!await _settingService.SettingExistsAsync(settings, s => s.BackInStockOfferDays, 0))
        {
            settings.BackInStockMaxCustomers = defaults.BackInStockMaxCustomers;
            settings.BackInStockOfferDays = defaults.BackInStockOfferDays;
            await _settingService.SaveSettingAsync(settings, s => s.BackInStockMaxCustomers, 0, false);
            await _settingService.SaveSettingAsync(settings, s => s.BackInStockOfferDays, 0, false);
        }
        if (!await _settingService.SettingExistsAsync(settings, s => s.ProductBoxCacheMinutes, 0))
        {
            settings.ProductBoxCacheMinutes = defaults.ProductBoxCacheMinutes;
            await _settingService.SaveSettingAsync(settings, s => s.ProductBoxCacheMinutes, 0, false);
        }
        if (!await _settingService.SettingExistsAsync(settings, s => s.AbandonedCartFirstDelayMinutes, 0))
        {
            settings.AbandonedCartFirstDelayMinutes = defaults.AbandonedCartFirstDelayMinutes;
            settings.AbandonedCartSecondDelayHours = defaults.AbandonedCartSecondDelayHours;
            settings.EmailFrequencyCapHours = defaults.EmailFrequencyCapHours;
            await _settingService.SaveSettingAsync(settings, s => s.AbandonedCartFirstDelayMinutes, 0, false);
            await _settingService.SaveSettingAsync(settings, s => s.AbandonedCartSecondDelayHours, 0, false);
            await _settingService.SaveSettingAsync(settings, s => s.EmailFrequencyCapHours, 0, false);
        }
        await _settingService.ClearCacheAsync();
    }

    private async Task InsertMissingTasksAsync(string onlyType = null)
    {
        foreach (var (name, type, seconds) in PersonalizationDefaults.ScheduleTasks)
        {
            if ((onlyType != null && type != onlyType) || await _scheduleTaskService.GetTaskByTypeAsync(type) != null)
                continue;

            await _scheduleTaskService.InsertTaskAsync(new ScheduleTask
            {
                Name = name,
                Type = type,
                Seconds = seconds,
                Enabled = true,
                LastEnabledUtc = _timeProvider.GetUtcNow().UtcDateTime,
                StopOnError = false
            });
        }
    }
}
