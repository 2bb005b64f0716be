using Nop.Plugin.Misc.Personalization.Tests.TestSupport;
using Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core.Configuration;
using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Gdpr;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Plugin.Misc.Personalization.Components;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Segments;
using Nop.Plugin.Misc.Personalization.Localization;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Plugin.Misc.Personalization.Tests.Admin;
using Nop.Plugin.Misc.Personalization.Tests.Replenishment;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.ScheduleTasks;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.Personalization.Tests.Plugin;

[TestFixture]
public class PersonalizationPluginTests
{
    private static readonly DateTime _now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);

    private Mock<ILanguageService> _languages;
    private Mock<ILocalizationService> _localization;
    private Mock<INopUrlHelper> _urlHelper;
    private Mock<Nop.Plugin.Misc.Personalization.Services.Search.IPersonalizedSearch> _search;
    private PlacementCatalog _placements;
    private Mock<IPlacementService> _placementService;
    private Mock<PlacementTitles> _titles;
    private Mock<IScheduleTaskService> _tasks;
    private Mock<ISettingService> _settings;
    private WidgetSettings _widgetSettings;
    private List<ScheduleTask> _taskTable;
    private PersonalizationPlugin _plugin;
    private PluginLifetime _lifetime;
    private InMemoryRepository<PersonalizationSegment> _segments;
    private MessageTemplateTable _templates;
    private RoleSync.RoleSyncActivityTypes _activityTypes;
    private Mock<Nop.Services.Common.IGenericAttributeService> _attributes;

    [SetUp]
    public void SetUp()
    {
        _languages = new Mock<ILanguageService>();
        _localization = new Mock<ILocalizationService>();
        _urlHelper = new Mock<INopUrlHelper>();
        _search = new Mock<Nop.Plugin.Misc.Personalization.Services.Search.IPersonalizedSearch>();
        _placements = new PlacementCatalog();
        _placementService = new Mock<IPlacementService>();
        _titles = PlacementFormFactories.NoTitles();
        _settings = new Mock<ISettingService>();
        _settings.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(0)).ReturnsAsync(() => new PersonalizationSettings());
        _widgetSettings = new WidgetSettings { ActiveWidgetSystemNames = ["Widgets.Other"] };
        _taskTable = [];
        _tasks = new Mock<IScheduleTaskService>();
        _tasks.Setup(s => s.GetTaskByTypeAsync(It.IsAny<string>()))
            .ReturnsAsync((string type) => _taskTable.FirstOrDefault(t => t.Type == type));
        _tasks.Setup(s => s.InsertTaskAsync(It.IsAny<ScheduleTask>())).Callback((ScheduleTask t) => _taskTable.Add(t)).Returns(Task.CompletedTask);
        _tasks.Setup(s => s.DeleteTaskAsync(It.IsAny<ScheduleTask>())).Callback((ScheduleTask t) => _taskTable.Remove(t)).Returns(Task.CompletedTask);

        _segments = new InMemoryRepository<PersonalizationSegment>();
        _templates = new MessageTemplateTable();
        _activityTypes = new RoleSync.RoleSyncActivityTypes();
        _attributes = new Mock<Nop.Services.Common.IGenericAttributeService>();
        _lifetime = new PluginLifetime();
        _plugin = new PersonalizationPlugin(_attributes.Object, _languages.Object, _localization.Object, _urlHelper.Object, _search.Object, _lifetime, _placements, _placementService.Object, _titles.Object,
            _templates.Installer(defaultEmailAccountId: 7), _activityTypes.Installer(), _tasks.Object,
            new SegmentStore(_segments.Object), _settings.Object, new FakeTimeProvider(_now), _widgetSettings, _templates.CartInstaller(defaultEmailAccountId: 7));
    }

    [TearDown]
    public void DisposeLifetime() => _lifetime.Dispose();

    [Test]
    public async Task IsTheSearchProviderNopCommerceListsAndReturnsThePersonalisedOrder()
    {
        _search.Setup(s => s.SearchAsync("apple", true)).ReturnsAsync([3, 1, 2]);

        ((Nop.Services.Catalog.ISearchProvider)_plugin).Should().NotBeNull();
        (await _plugin.SearchProductsAsync("apple", isLocalized: true)).Should().Equal(3, 1, 2);
    }

    [Test]
    public async Task SearchThrowsWhileTheIndexIsNotBuiltSoNopCommerceFallsBackToItsStandardSearch()
    {
        _search.Setup(s => s.SearchAsync(It.IsAny<string>(), It.IsAny<bool>())).ThrowsAsync(new Nop.Plugin.Misc.Personalization.Services.Search.SearchIndexNotReadyException());

        await _plugin.Invoking(p => p.SearchProductsAsync("apple", false)).Should().ThrowAsync<Nop.Plugin.Misc.Personalization.Services.Search.SearchIndexNotReadyException>();
    }

    [Test]
    public async Task UninstallTellsTheBackgroundServicesToStop()
    {
        await _plugin.UninstallAsync();

        _lifetime.IsUninstalled.Should().BeTrue();
        _lifetime.Uninstalled.IsCancellationRequested.Should().BeTrue();
    }

    [Test]
    public async Task InstallSavesDefaultSettings()
    {
        await _plugin.InstallAsync();

        _settings.Verify(s => s.SaveSettingAsync(It.Is<PersonalizationSettings>(x =>
            x.Enabled && x.HoldoutPercent == 10 && x.DecayHalfLifeDays == 30 && x.RetentionDays == 730 && x.MaxBufferedEvents == 100_000), 0), Times.Once);
    }

    [TestCase(false, TrackingConsent.Everyone)]
    [TestCase(true, TrackingConsent.CookieBannerAccepted)]
    public async Task TheInstalledConsentModeFollowsTheShopsGdprSetting(bool gdprEnabled, TrackingConsent expected)
    {
        _settings.Setup(s => s.LoadSettingAsync<GdprSettings>(0)).ReturnsAsync(new GdprSettings { GdprEnabled = gdprEnabled });

        await _plugin.InstallAsync();

        _settings.Verify(s => s.SaveSettingAsync(It.Is<PersonalizationSettings>(x => x.Consent == expected), 0), Times.Once);
    }

    [Test]
    public async Task InstallActivatesTheWidgetOnce()
    {
        await _plugin.InstallAsync();
        await _plugin.InstallAsync();

        _widgetSettings.ActiveWidgetSystemNames.Should().Equal("Widgets.Other", PersonalizationDefaults.SystemName);
        _settings.Verify(s => s.SaveSettingAsync(_widgetSettings, 0), Times.Once);
    }

    [Test]
    public async Task InstallAddsEachScheduledTaskOnceWithAResolvableType()
    {
        await _plugin.InstallAsync();
        await _plugin.InstallAsync();

        _taskTable.Select(t => t.Type).Should().BeEquivalentTo(PersonalizationDefaults.ScheduleTasks.Select(t => t.Type));
        foreach (var task in _taskTable)
        {
            task.Enabled.Should().BeTrue();
            task.Seconds.Should().BePositive();
            task.LastEnabledUtc.Should().Be(_now);
            typeof(PersonalizationPlugin).Assembly.GetType(task.Type).Should().NotBeNull($"the task runner resolves '{task.Type}' by name")
                .And.Match(type => typeof(IScheduleTask).IsAssignableFrom((Type)type));
        }
    }

    [Test]
    public async Task InstallAddsTheEmbeddedLocaleResources()
    {
        IDictionary<string, string> added = null;
        _localization.Setup(l => l.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), null))
            .Callback((IDictionary<string, string> resources, int? _) => added = resources)
            .Returns(Task.CompletedTask);

        await _plugin.InstallAsync();

        added.Should().NotBeNull().And.ContainKey("Plugins.Misc.Personalization.Fields.Enabled");
    }

    [Test]
    public async Task UpdatingThePluginAddsMissingTextsToEachLanguageAndLeavesExistingOnesAlone()
    {
        var english = new Language { Id = 1 };
        var german = new Language { Id = 2 };
        _languages.Setup(l => l.GetAllLanguagesAsync(true, 0)).ReturnsAsync(new List<Language> { english, german });
        //English has every text but the new one; German translated one text and lacks the rest
        var all = LocaleResources.LoadEnglish();
        _localization.Setup(l => l.GetAllResourceValuesAsync(1, null)).ReturnsAsync(all
            .Where(resource => resource.Key != "Plugins.Misc.Personalization.Data.Train.Started")
            .ToDictionary(resource => resource.Key.ToLowerInvariant(), resource => new KeyValuePair<int, string>(0, "shop's own wording")));
        _localization.Setup(l => l.GetAllResourceValuesAsync(2, null)).ReturnsAsync(new Dictionary<string, KeyValuePair<int, string>>
        {
            ["plugins.misc.personalization.fields.enabled"] = new(0, "Aktiviert")
        });
        var added = new Dictionary<int, IDictionary<string, string>>();
        _localization.Setup(l => l.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<int?>()))
            .Callback((IDictionary<string, string> resources, int? languageId) => added[languageId ?? 0] = resources)
            .Returns(Task.CompletedTask);

        await _plugin.UpdateAsync("0.1.0", "0.2.0");

        added.Keys.Should().BeEquivalentTo([1, 2], "texts are added per language, never for all languages at once");
        added[1].Keys.Should().Equal("Plugins.Misc.Personalization.Data.Train.Started");
        added[2].Should().HaveCount(all.Count - 1).And.NotContainKey("Plugins.Misc.Personalization.Fields.Enabled");
        _placementService.Verify(p => p.InsertDefaultPlacementsAsync(), Times.Never);
        //only the tasks added since (replenishment reminders, abandoned carts) are added by an update
        _tasks.Verify(t => t.InsertTaskAsync(It.Is<ScheduleTask>(task => task.Type != PersonalizationDefaults.ReplenishmentEmailTask.Type
            && task.Type != PersonalizationDefaults.AbandonedCartEmailTask.Type)), Times.Never);
    }

    [Test]
    public async Task UpdatingGivesSettingsAddedSinceTheInstalledVersionTheirDefaultsAndLeavesSavedOnesAlone()
    {
        _settings.Setup(s => s.SettingExistsAsync(It.IsAny<PersonalizationSettings>(), It.IsAny<System.Linq.Expressions.Expression<Func<PersonalizationSettings, int>>>(), 0))
            .ReturnsAsync((PersonalizationSettings _, System.Linq.Expressions.Expression<Func<PersonalizationSettings, int>> key, int _) =>
                ((System.Linq.Expressions.MemberExpression)key.Body).Member.Name == nameof(PersonalizationSettings.LowStockThreshold));
        _languages.Setup(l => l.GetAllLanguagesAsync(true, It.IsAny<int>())).ReturnsAsync(new List<Language>());

        await _plugin.UpdateAsync("0.7.0", "0.8.0");

        _settings.Verify(s => s.SaveSettingAsync(It.Is<PersonalizationSettings>(x => x.ProductBoxCacheMinutes == PersonalizationSettings.DEFAULT_PRODUCT_BOX_CACHE_MINUTES),
            It.Is<System.Linq.Expressions.Expression<Func<PersonalizationSettings, int>>>(key => ((System.Linq.Expressions.MemberExpression)key.Body).Member.Name == nameof(PersonalizationSettings.ProductBoxCacheMinutes)),
            0, false), Times.Once);
        _settings.Verify(s => s.SaveSettingAsync(It.IsAny<PersonalizationSettings>(),
            It.Is<System.Linq.Expressions.Expression<Func<PersonalizationSettings, int>>>(key => ((System.Linq.Expressions.MemberExpression)key.Body).Member.Name == nameof(PersonalizationSettings.LowStockThreshold)),
            It.IsAny<int>(), It.IsAny<bool>()), Times.Never, "a saved setting keeps the owner's value");
    }

    [Test]
    public async Task InstallAddsTheBuiltInSegments()
    {
        await _plugin.InstallAsync();

        _segments.Rows.Select(segment => (segment.Name, segment.RuleDefinition, segment.Enabled, segment.CustomerRoleId))
            .Should().Equal(BuiltInSegments.All.Select(template => (template.Name, template.Rule, true, 0)));
    }

    [Test]
    public async Task UpdatingAddsTheBuiltInSegmentsOnlyWhenTheShopHasNone()
    {
        _languages.Setup(l => l.GetAllLanguagesAsync(true, It.IsAny<int>())).ReturnsAsync(new List<Language>());

        await _plugin.UpdateAsync("0.2.0", "0.3.0");
        _segments.Rows.Should().HaveCount(BuiltInSegments.All.Count);

        _segments.Rows.RemoveAll(segment => segment.Name != "Lapsed");
        await _plugin.UpdateAsync("0.3.0", "0.3.1");
        _segments.Rows.Select(segment => segment.Name).Should().Equal("Lapsed");
    }

    [Test]
    public async Task InstallAddsTheDefaultPlacements()
    {
        await _plugin.InstallAsync();

        _placementService.Verify(s => s.InsertDefaultPlacementsAsync(), Times.Once);
    }

    [Test]
    public async Task UninstallRemovesEverythingInstallAdded()
    {
        await _plugin.InstallAsync();

        await _plugin.UninstallAsync();

        _settings.Verify(s => s.DeleteSettingAsync<PersonalizationSettings>(), Times.Once);
        _settings.Verify(s => s.DeleteSettingAsync<PersonalizationProfileState>(), Times.Once);
        _settings.Verify(s => s.DeleteSettingAsync<PersonalizationInsightsState>(), Times.Once);
        _settings.Verify(s => s.DeleteSettingAsync<PersonalizationTrainingState>(), Times.Once);
        _settings.Verify(s => s.DeleteSettingAsync<Services.Measurement.PersonalizationImpressionState>(), Times.Once);
        _widgetSettings.ActiveWidgetSystemNames.Should().Equal("Widgets.Other");
        _taskTable.Should().BeEmpty();
        _localization.Verify(l => l.DeleteLocaleResourcesAsync(PersonalizationDefaults.ResourcePrefix, null), Times.Once);
        _titles.Verify(t => t.DeleteAllAsync(), Times.Once, "translated placement titles live in nopCommerce's table, which stays");
    }

    [Test]
    public void ConfigurationUrlComesFromTheRouteName()
    {
        _urlHelper.Setup(u => u.RouteUrl(PersonalizationDefaults.ConfigurationRouteName, null, null, null, null)).Returns("/Admin/Personalization/Configure");

        _plugin.GetConfigurationPageUrl().Should().Be("/Admin/Personalization/Configure");
    }

    [Test]
    public async Task WidgetZonesAreTheConfiguredPlacementZonesTheAdminCustomerPageAndTheAccountNavigation()
    {
        (await _plugin.GetWidgetZonesAsync()).Should().Equal("admin_customer_details_block", "account_navigation_after", "productsearch_page_basic");

        _placements.Replace([new PlacementDefinition(1, 0, "productdetails_bottom", "similar", "Similar", 4, 0, 0)]);

        (await _plugin.GetWidgetZonesAsync()).Should().Equal("productdetails_bottom", "admin_customer_details_block", "account_navigation_after", "productsearch_page_basic");
        _plugin.GetWidgetViewComponent("productdetails_bottom").Should().Be(typeof(PersonalizationWidgetViewComponent));
    }

    [Test]
    public async Task TheAdminCustomerPageGetsTheCustomerInsightsBlock()
    {
        _placements.Replace([
            new PlacementDefinition(1, 0, "home_page_top", "trending", "Trending", 4, 0, 0),
            new PlacementDefinition(2, 0, "admin_customer_details_block", "trending", "Misplaced", 4, 0, 0)
        ]);

        (await _plugin.GetWidgetZonesAsync()).Should().Equal("home_page_top", "admin_customer_details_block", "account_navigation_after", "productsearch_page_basic");
        _plugin.GetWidgetViewComponent("admin_customer_details_block").Should().Be(typeof(CustomerInsightsViewComponent));
        _plugin.GetWidgetViewComponent("account_navigation_after").Should().Be(typeof(AccountNavigationViewComponent));
        _plugin.GetWidgetViewComponent("home_page_top").Should().Be(typeof(PersonalizationWidgetViewComponent));
        _plugin.GetWidgetViewComponent("a_theme_zone").Should().Be(typeof(PersonalizationWidgetViewComponent));
        _plugin.GetWidgetViewComponent("productsearch_page_basic").Should().Be(typeof(SearchClickTrackingViewComponent));
    }

    [Test]
    public void SettingsKeepAPublicParameterlessConstructor()
    {
        typeof(PersonalizationSettings).GetConstructor(Type.EmptyTypes).Should().NotBeNull();
        typeof(ISettings).IsAssignableFrom(typeof(PersonalizationSettings)).Should().BeTrue();
    }

    [Test]
    public async Task InstallAddsTheReplenishmentTemplateOnceActiveWithTheDefaultEmailAccount()
    {
        await _plugin.InstallAsync();
        await _plugin.InstallAsync();

        var template = _templates.Rows.Should().ContainSingle(row => row.Name == ReplenishmentEmailTemplate.SYSTEM_NAME).Which;
        template.Name.Should().Be(ReplenishmentEmailTemplate.SYSTEM_NAME);
        template.IsActive.Should().BeTrue();
        template.EmailAccountId.Should().Be(7);
        template.Body.Should().Contain("%Personalization.ReplenishmentProducts%").And.Contain("%NewsLetterSubscription.DeactivationUrl%");
        _taskTable.Should().ContainSingle(task => task.Type == typeof(Tasks.ReplenishmentEmailTask).FullName);
    }

    [Test]
    public async Task InstallAddsTheAbandonedCartTemplateOnceActiveWithTheDefaultEmailAccountAndItsTask()
    {
        await _plugin.InstallAsync();
        await _plugin.InstallAsync();

        var template = _templates.Rows.Should().ContainSingle(row => row.Name == AbandonedCartEmailTemplate.SYSTEM_NAME).Which;
        (template.IsActive, template.EmailAccountId).Should().Be((true, 7));
        template.Body.Should().Contain("%Personalization.CartItems%").And.Contain("%Personalization.RestoreCartUrl%")
            .And.Contain("%Personalization.StopRemindersUrl%").And.Contain("%NewsLetterSubscription.DeactivationUrl%");
        _taskTable.Should().ContainSingle(task => task.Type == typeof(Tasks.AbandonedCartEmailTask).FullName)
            .Which.Seconds.Should().Be(600);
    }

    [Test]
    public async Task UpdateAddsTheMissingTemplateAndTaskButKeepsTheShopsWording()
    {
        _languages.Setup(l => l.GetAllLanguagesAsync(true, 0)).ReturnsAsync(new List<Language>());
        await _plugin.UpdateAsync("0.3.0", "0.4.0");

        _templates.Rows.Select(row => row.Name).Should().BeEquivalentTo(ReplenishmentEmailTemplate.SYSTEM_NAME, AbandonedCartEmailTemplate.SYSTEM_NAME);
        _taskTable.Select(task => task.Type).Should().Equal(typeof(Tasks.ReplenishmentEmailTask).FullName, typeof(Tasks.AbandonedCartEmailTask).FullName);

        _templates.Rows.ForEach(row => row.Subject = "shop's own subject");
        await _plugin.UpdateAsync("0.4.0", "0.4.1");

        _templates.Rows.Should().HaveCount(2).And.OnlyContain(row => row.Subject == "shop's own subject");
    }

    [Test]
    public async Task UninstallRemovesTheReplenishmentTemplateTaskAndReminderMarks()
    {
        await _plugin.InstallAsync();

        await _plugin.UninstallAsync();

        _templates.Rows.Should().BeEmpty();
        _attributes.Verify(a => a.DeleteAttributesAsync<Nop.Core.Domain.Customers.Customer>(ReplenishmentEmailService.LAST_REMINDER_ATTRIBUTE), Times.Once);
        _attributes.Verify(a => a.DeleteAttributesAsync<Nop.Core.Domain.Customers.Customer>(PersonalizationDefaults.OptedOutAttribute), Times.Once);
        _taskTable.Should().NotContain(task => task.Type == typeof(Tasks.ReplenishmentEmailTask).FullName);
    }
}
