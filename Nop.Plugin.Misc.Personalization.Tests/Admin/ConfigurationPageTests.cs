using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Models;
using Nop.Plugin.Misc.Personalization.Models.Placements;
using Nop.Plugin.Misc.Personalization.Models.Segments;
using Nop.Plugin.Misc.Personalization.Models.Status;
using Nop.Plugin.Misc.Personalization.Services.Backfill;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Engine.Health;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.Reporting;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Plugin.Misc.Personalization.Services.Targeting;
using Nop.Services.Messages;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Admin;

[TestFixture]
public class ConfigurationPageTests
{
    private AdminServices _services;
    private Mock<IStoreContext> _storeContext;
    private RecordingShopLog _logger;
    private InMemoryRepository<Store> _stores;

    [SetUp]
    public void SetUp()
    {
        _services = new AdminServices();
        _storeContext = new Mock<IStoreContext>();
        _storeContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(2);
        _logger = new RecordingShopLog();
        _stores = new InMemoryRepository<Store>();
    }

    [Test]
    public async Task TheConfigurationPageCarriesThePlacementsOfTheStoreScope()
    {
        _services.Placements.Setup(s => s.GetPlacementsAsync(2)).ReturnsAsync(new List<PersonalizationPlacement>
        {
            new() { Id = 1, StoreId = 0, WidgetZone = "home_page_top", Strategy = "ForYou", Count = 8, Enabled = true },
            new() { Id = 2, StoreId = 2, WidgetZone = "mytheme_zone", Strategy = "Legacy", Count = 4 }
        });

        var model = await ConfigureAsync();

        var list = model.Placements;
        list.StoreScope.Should().Be(2);
        list.Placements.Select(p => (p.Id, p.Store, p.Strategy)).Should().Equal(
            (1, "Plugins.Misc.Personalization.Placements.AllStores", "Plugins.Misc.Personalization.Placements.Strategy.ForYou"),
            (2, "2", "Legacy"));
        list.NewPlacement.AvailableWidgetZones.Should().Contain(item => item.Value == "productdetails_bottom" && item.Group != null);
    }

    [Test]
    public async Task AFreshInstallsHealthChecklistSaysWhatToDoFirst()
    {
        _storeContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(0);
        _services.PlacementCatalog.Replace([new PlacementDefinition(1, 0, "home_page_top", "ForYou", "For you", 8, 0, 0)]);

        var store = (await ConfigureAsync()).Health.Stores.Should().ContainSingle().Subject;

        store.Lines.Select(line => line.Item).Should().Equal(Enum.GetValues<HealthItem>());
        store.NextStep.Reason.Should().Be(HealthReason.NoEventsIn24Hours);
        store.Lines.Single(line => line.Item == HealthItem.Model).State.Should().Be(HealthState.Problem);
        store.Lines.Single(line => line.Item == HealthItem.Zones).Reason.Should().Be(HealthReason.ZonesNotRendered);
        store.Lines.Single(line => line.Item == HealthItem.Model).Text.Should().Be("Plugins.Misc.Personalization.Health.Reason.NoModel");
    }

    [Test]
    public async Task TheHealthChecklistCountsTheStoresRecentEventsAndTheZonesTheThemeRendered()
    {
        _storeContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(0);
        _services.PlacementCatalog.Replace([new PlacementDefinition(1, 0, "home_page_top", "ForYou", "For you", 8, 0, 0)]);
        var now = AdminServices.Now.UtcDateTime;
        foreach (var (storeId, minutesAgo) in new[] { (1, 10), (1, 300), (1, 3 * 24 * 60), (2, 10) })
            _services.Events.Add(new PersonalizationEvent { StoreId = storeId, CustomerId = 5, EventType = 1, ProductId = 3, CreatedOnUtc = now.AddMinutes(-minutesAgo) });
        _services.ImpressionCounts.Add(new PersonalizationImpressionCount
        {
            StoreId = 1, PlacementId = 1, DayUtc = now.Date, Counter = "node:1", Renders = 8, ProductsShown = 32, HiddenRenders = 2, ZoneRenders = 12
        });

        var lines = (await ConfigureAsync()).Health.Stores.Single().Lines;

        var events = lines.Single(line => line.Item == HealthItem.Events);
        (events.State, events.Reason).Should().Be((HealthState.Good, HealthReason.EventsArriving));
        events.Text.Should().EndWith("(Plugins.Misc.Personalization.Customer.Event.View: 2)", "the last day's two views of store 1, by kind");
        lines.Single(line => line.Item == HealthItem.Zones).State.Should().Be(HealthState.Good);
        lines.Single(line => line.Item == HealthItem.Renders).Reason.Should().Be(HealthReason.RendersShowProducts);
    }

    [Test]
    public async Task TheStatusCardShowsBackfillModelsAndThisNodesCounters()
    {
        var completedOn = AdminServices.Now.UtcDateTime.AddHours(-3);
        _services.Settings.Save(new PersonalizationBackfillState
        {
            Completed = true, CompletedOnUtc = completedOn, LastOrderId = 40, UpToOrderId = 41, OrdersBackfilled = 39, EventsWritten = 90
        });
        var snapshots = _services.SnapshotStore();
        await snapshots.SaveAsync(1, ModelSnapshotStore.RECOMMENDATIONS, [1]);
        _services.Clock.Advance(TimeSpan.FromMinutes(5));
        await snapshots.SaveAsync(1, ModelSnapshotStore.RECOMMENDATIONS, [2]);
        await snapshots.SaveAsync(3, ModelSnapshotStore.RECOMMENDATIONS, [3]);
        _services.Holder.Setup(h => h.VersionOf(1)).Returns(1);
        _services.Holder.Setup(h => h.VersionOf(3)).Returns(1);
        _services.Catalog.Setup(c => c.IsLoaded).Returns(true);
        _services.Catalog.Setup(c => c.Count).Returns(1234);
        _services.Sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent { EventType = (int)InteractionType.View })).Should().BeTrue();
        _services.Sink.TryEnqueue(CaptureItem.Merge(5, 6)).Should().BeTrue();

        var status = (await ConfigureAsync()).Status;

        status.Unavailable.Should().BeFalse();
        (status.BackfillCompleted, status.BackfillCompletedOnUtc, status.BackfillLastOrderId, status.BackfillUpToOrderId, status.OrdersBackfilled, status.BackfillEventsWritten)
            .Should().Be((true, completedOn, 40, 41, 39, 90));
        status.Models.Select(m => (m.StoreId, m.Version, m.TrainedOnUtc, m.LoadedVersion, m.IsLoaded)).Should().Equal(
            (1, 2, AdminServices.Now.UtcDateTime.AddMinutes(5), 1, false),
            (3, 1, AdminServices.Now.UtcDateTime.AddMinutes(5), 1, true));
        (status.EventsAccepted, status.EventsBuffered, status.EventsWritten, status.EventsDropped).Should().Be((_services.Sink.Counters.Accepted, 2, 0L, 0L));
        status.EventsAccepted.Should().BeGreaterThan(0);
        (status.CatalogLoaded, status.CatalogProducts).Should().Be((true, 1234));
        status.TrainingProfile.Should().BeNull("no training has compared the profiles yet");
    }

    [Test]
    public async Task TheStatusCardShowsWhichTrainingProfileTheShopsPurchasesChose()
    {
        var checkedOn = AdminServices.Now.UtcDateTime.AddDays(-2);
        _services.Settings.Save(new PersonalizationProfileState
        {
            Profile = TrainingProfiles.PURCHASE_TUNED, CheckedOnUtc = checkedOn, ValidationCustomers = 321, Outcome = "engine-defaults 0.2; purchase-tuned 0.4"
        });

        var status = (await ConfigureAsync()).Status;

        (status.TrainingProfile, status.ProfileCheckedOnUtc, status.ProfileValidationCustomers, status.ProfileOutcome)
            .Should().Be((TrainingProfiles.PURCHASE_TUNED, checkedOn, 321, "engine-defaults 0.2; purchase-tuned 0.4"));
    }

    [Test]
    public async Task TheStatusCardShowsTheStoredCustomerInsightsAndSegmentSizes()
    {
        var refreshedOn = AdminServices.Now.UtcDateTime.AddHours(-3);
        _services.Settings.Save(new PersonalizationInsightsState
        {
            RefreshedOnUtc = refreshedOn, NextRefreshOnUtc = refreshedOn.AddDays(1), Profiles = 1234, Predictions = 56,
            SegmentSizes = "1|3|Active customers|900|\n1|5|High value|12|Only 12 customers match\nnot a size line\n2|3|Active customers|7|",
            Problem = "segments skipped because their rule does not parse: Broken"
        });

        var status = (await ConfigureAsync()).Status;

        (status.InsightsRefreshedOnUtc, status.InsightsNextRefreshOnUtc, status.InsightsProfiles, status.InsightsPredictions, status.InsightsProblem)
            .Should().Be((refreshedOn, refreshedOn.AddDays(1), 1234, 56, "segments skipped because their rule does not parse: Broken"));
        status.SegmentSizes.Should().Equal(
            new SegmentSizeModel(1, 3, "Active customers", 900, null),
            new SegmentSizeModel(1, 5, "High value", 12, "Only 12 customers match"),
            new SegmentSizeModel(2, 3, "Active customers", 7, null));
    }

    [Test]
    public async Task TheSegmentsCardShowsEverySegmentWithItsSizeAtTheLastRefresh()
    {
        _stores.Add(new Store { Name = "Main shop" });
        _services.Segments.Add(new PersonalizationSegment { Name = "Active customers", RuleDefinition = "lifecycle = active", Enabled = true, DisplayOrder = 1 });
        _services.Segments.Add(new PersonalizationSegment { Name = "Mine", RuleDefinition = "orders > 3", Enabled = true, DisplayOrder = 0 });
        _services.Settings.Save(new PersonalizationInsightsState { RefreshedOnUtc = AdminServices.Now.UtcDateTime, SegmentSizes = "1|1|Active customers|900|" });

        var segments = (await ConfigureAsync()).Segments;

        segments.Unavailable.Should().BeFalse();
        segments.Segments.Select(s => (s.Name, s.Sizes.Count)).Should().Equal(("Mine", 0), ("Active customers", 1));
        segments.Segments[1].Sizes.Single().Should().Be(new SegmentStoreSizeModel(1, "Main shop", 900, null));
    }

    [Test]
    public async Task AFailingSegmentsCardIsLoggedAndTheRestOfThePageStillWorks()
    {
        var failure = new InvalidOperationException("segment table missing");
        _services.Segments.Mock.Setup(r => r.GetAllAsync(It.IsAny<Func<IQueryable<PersonalizationSegment>, IQueryable<PersonalizationSegment>>>(),
            It.IsAny<Func<ICacheKeyService, CacheKey>>(), It.IsAny<bool>())).ThrowsAsync(failure);

        var model = await ConfigureAsync();

        model.Segments.Unavailable.Should().BeTrue();
        model.Status.Unavailable.Should().BeFalse();
        _logger.Errors.Should().ContainSingle().Which.Exception.Should().BeSameAs(failure);
    }

    [TestCase(7, 7)]
    [TestCase(90, 90)]
    [TestCase(12, PlacementReportService.DEFAULT_DAYS)]
    public async Task ThePerformanceCardCoversTheChosenPeriod(int asked, int shown)
    {
        var performance = (await ConfigureAsync(asked)).Performance;

        performance.Unavailable.Should().BeFalse();
        performance.Days.Should().Be(shown);
        performance.ToUtc.Should().Be(AdminServices.Now.UtcDateTime);
        performance.FromUtc.Should().Be(AdminServices.Now.UtcDateTime.AddDays(-shown));
        performance.AvailablePeriods.Select(p => p.Value).Should().Equal("7", "30", "90");
        performance.AvailablePeriods.Should().ContainSingle(p => p.Selected).Which.Value.Should().Be(shown.ToString());
    }

    [Test]
    public async Task ThePerformanceCardNamesPlacementsAndShowsTheirNumbers()
    {
        _services.Placements.Setup(s => s.GetPlacementsAsync(2)).ReturnsAsync(new List<PersonalizationPlacement>
        {
            new() { Id = 4, StoreId = 2, WidgetZone = "productdetails_bottom", Strategy = "Similar", Title = "Similar items", Count = 4, Enabled = true }
        });
        var at = AdminServices.Now.UtcDateTime.AddDays(-1);
        _services.ImpressionCounts.Add(new PersonalizationImpressionCount { StoreId = 2, PlacementId = 4, DayUtc = at.Date, Counter = "node:1", Renders = 2, ProductsShown = 8 });
        _services.Events.Add(Event(InteractionType.RecommendationClick, customerId: 1, productId: 20, placement: "4", quantity: 0, at));
        _services.Events.Add(Event(InteractionType.RecommendationClick, customerId: 1, productId: 21, placement: "9", quantity: 0, at));

        var row = (await ConfigureAsync()).Performance.Rows.Should().HaveCount(2).And.Subject.First();

        (row.PlacementKey, row.Deleted, row.Title, row.WidgetZone, row.Strategy).Should().Be(
            ("4", false, "Similar items", "productdetails_bottom", "Plugins.Misc.Personalization.Placements.Strategy.Similar"));
        (row.Impressions, row.ProductsShown, row.Clicks, row.ClickThroughRate).Should().Be((2, 8L, 1, 0.5));
    }

    [Test]
    public async Task ThePerformanceChartsCarryEachPlacementsImpressionsClicksAndRevenuePerDay()
    {
        _services.Placements.Setup(s => s.GetPlacementsAsync(2)).ReturnsAsync(new List<PersonalizationPlacement>
        {
            new() { Id = 4, StoreId = 2, WidgetZone = "productdetails_bottom", Strategy = "Similar", Title = "Similar items", Count = 4, Enabled = true }
        });
        var at = AdminServices.Now.UtcDateTime.AddDays(-1);
        _services.ImpressionCounts.Add(new PersonalizationImpressionCount { StoreId = 2, PlacementId = 4, DayUtc = at.Date, Counter = "node:1", Renders = 4, ProductsShown = 16 });
        _services.Events.Add(Event(InteractionType.RecommendationClick, customerId: 1, productId: 20, placement: "4", quantity: 0, at));

        var chart = (await ConfigureAsync()).Performance.Chart;

        chart.Days.Should().HaveCount(PlacementReportService.DEFAULT_DAYS + 1).And.Contain(at.ToString("yyyy-MM-dd"));
        var series = chart.Placements.Should().ContainSingle().Subject;
        series.Name.Should().Be("Similar items (4)");
        var day = chart.Days.IndexOf(at.ToString("yyyy-MM-dd"));
        (series.Impressions[day], series.Clicks[day], series.ClickThroughRates[day]).Should().Be((4L, 1L, 0.25));
        series.Impressions.Sum().Should().Be(4, "the other days are zero");
        series.ClickThroughRates.Count(rate => rate == null).Should().Be(chart.Days.Count - 1, "a day without impressions has no rate");
    }

    [Test]
    public async Task AFailingCardIsLoggedAndTheRestOfThePageStillWorks()
    {
        var failure = new InvalidOperationException("snapshot table missing");
        _services.Snapshots.Mock.Setup(r => r.GetAllAsync(It.IsAny<Func<IQueryable<PersonalizationModelSnapshot>, IQueryable<PersonalizationModelSnapshot>>>(),
            It.IsAny<Func<ICacheKeyService, CacheKey>>(), It.IsAny<bool>())).ThrowsAsync(failure);

        var model = await ConfigureAsync();

        model.Status.Unavailable.Should().BeTrue();
        model.Performance.Unavailable.Should().BeFalse();
        _logger.Errors.Should().ContainSingle().Which.Exception.Should().BeSameAs(failure);
    }

    private static Nop.Services.Gdpr.IGdprService EmptyGdpr()
    {
        var gdpr = new Mock<Nop.Services.Gdpr.IGdprService>();
        gdpr.Setup(g => g.GetAllConsentsAsync()).ReturnsAsync(new List<Nop.Core.Domain.Gdpr.GdprConsent>());
        return gdpr.Object;
    }

    private static Nop.Services.Messages.INewsLetterSubscriptionTypeService EmptyNewsletterTypes()
    {
        var types = new Mock<Nop.Services.Messages.INewsLetterSubscriptionTypeService>();
        types.Setup(t => t.GetAllNewsLetterSubscriptionTypesAsync(It.IsAny<int>())).ReturnsAsync(new List<Nop.Core.Domain.Messages.NewsLetterSubscriptionType>());
        return types.Object;
    }

    private async Task<ConfigurationModel> ConfigureAsync(int days = PlacementReportService.DEFAULT_DAYS)
    {
        using var controller = new PersonalizationAdminController(EmptyGdpr(), _services.ConsentFactory(), _services.ConsentSwitch(), _services.Localization.Object, _logger, EmptyNewsletterTypes(), Mock.Of<INotificationService>(),
            _services.PerformanceFactory(), PlacementFormFactories.Create(_services.Localization, _services.Placements, new SegmentChoices(new SegmentService(Mock.Of<IRepository<PersonalizationPlacement>>(), _services.Segments.Object))),
            SegmentFactory(),
            _services.Settings.Service, _services.StatusFactory(), _services.HealthFactory(), _storeContext.Object, _services.SearchDelegation());

        var result = await controller.Configure(days);

        var view = result.Should().BeOfType<ViewResult>().Subject;
        view.ViewName.Should().Be($"{PersonalizationDefaults.ViewsPath}Configure.cshtml");
        return view.Model.Should().BeOfType<ConfigurationModel>().Subject;
    }

    private SegmentModelFactory SegmentFactory() =>
        new(_services.Localization.Object, new SegmentService(new InMemoryRepository<PersonalizationPlacement>().Object, _services.Segments.Object), _services.Settings.Service,
            new ShopNames(new InMemoryRepository<Category>().Object, new InMemoryRepository<Manufacturer>().Object, new InMemoryRepository<Product>().Object, _stores.Object),
            new SyncableRoles(_services.CustomerService.Object, _services.PermissionMappings.Object));

    private static PersonalizationEvent Event(InteractionType type, int customerId, int productId, string placement, int quantity, DateTime at) => new()
    {
        StoreId = 2, CustomerId = customerId, EventType = (byte)type, ProductId = productId, Placement = placement, Quantity = quantity, CreatedOnUtc = at
    };
}
