using Nop.Plugin.Misc.Personalization.Services.Progress;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core.Domain.Logging;
using Nop.Services.Logging;
using Nop.Services.Security;
using Nop.Core.Caching;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Gdpr;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Security;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Models;
using Nop.Plugin.Misc.Personalization.Models.Status;
using Nop.Plugin.Misc.Personalization.Services.Backfill;
using Nop.Plugin.Misc.Personalization.Services.BackInStock;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Health;
using Nop.Plugin.Misc.Personalization.Services.Locking;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Services.Reporting;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Plugin.Misc.Personalization.Services.Targeting;
using Nop.Plugin.Misc.Personalization.Tests.Backfill;
using Nop.Services.Customers;
using Nop.Services.Gdpr;
using Nop.Services.Localization;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Admin;

/// <summary>
/// The plugin services behind the admin pages, real, over in-memory repositories and settings; nopCommerce's own
/// services (localization, placements storage) and the farm lock are Moq stand-ins.
/// </summary>
public sealed class AdminServices
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);

    /// <summary>The installed search providers the admin can delegate to (none unless given).</summary>
    public Nop.Plugin.Misc.Personalization.Services.Search.SearchDelegation SearchDelegation(params Nop.Services.Catalog.ISearchProvider[] installed)
    {
        var providers = new Mock<Nop.Services.Plugins.IPluginManager<Nop.Services.Catalog.ISearchProvider>>();
        providers.Setup(p => p.LoadAllPluginsAsync(It.IsAny<Nop.Core.Domain.Customers.Customer>(), It.IsAny<int>())).ReturnsAsync(installed.ToList());
        return new Nop.Plugin.Misc.Personalization.Services.Search.SearchDelegation(providers.Object, new PersonalizationSettings());
    }

    private LongWorkBoard _workBoard;

    public LongWorkBoard WorkBoard => _workBoard ??= new LongWorkBoard(Clock);

    public InMemorySettings Settings { get; } = new InMemorySettings().Handle<PersonalizationSettings>().Handle<PersonalizationBackfillState>().Handle<PersonalizationProfileState>().Handle<PersonalizationInsightsState>()
        .Handle<PersonalizationTrainingState>().Handle<Nop.Core.Domain.Catalog.CatalogSettings>().Handle<PersonalizationAvailabilityState>();

    public InMemoryRepository<PersonalizationEvent> Events { get; } = new();

    public InMemoryRepository<PersonalizationEmailSend> EmailSends { get; } = new();

    public InMemoryRepository<PersonalizationImpressionCount> ImpressionCounts { get; } = new();

    public InMemoryRepository<Order> Orders { get; } = new();

    public InMemoryRepository<OrderItem> OrderItems { get; } = new();

    public InMemoryRepository<GenericAttribute> Attributes { get; } = new();

    public InMemoryRepository<Product> Products { get; } = new();

    public InMemoryRepository<ProductCategory> ProductCategories { get; } = new();

    public InMemoryRepository<ProductManufacturer> ProductManufacturers { get; } = new();

    public InMemoryRepository<ProductWarehouseInventory> WarehouseInventory { get; } = new();

    public InMemoryRepository<ProductAttributeCombination> Combinations { get; } = new();

    public InMemoryRepository<PersonalizationModelSnapshot> Snapshots { get; } = new();

    public InMemoryRepository<Customer> Customers { get; } = new();

    public InMemoryRepository<PersonalizationProfile> Profiles { get; } = new();

    public InMemoryRepository<GdprLog> GdprLogs { get; } = new();

    public InMemoryRepository<Store> ConsentStores { get; } = new();

    public Mock<IGdprService> Gdpr { get; } = new();

    public ConsentModelFactory ConsentFactory() => new(Gdpr.Object, Localization.Object, Settings.Service);

    public ConsentModeSwitch ConsentSwitch() => new(
        new IdentifiedDataRemoval(Events.Object, Forgetting.Over(), Predictions.Object, Profiles.Object, new UnconsentedCustomers(GdprLogs.Object, Attributes.Object)),
        Settings.Service, new StoreConsentModes(Settings.Service, ConsentStores.Object));

    public InMemoryRepository<PersonalizationPrediction> Predictions { get; } = new();

    public InMemoryRepository<PersonalizationSegment> Segments { get; } = new();

    public InMemoryRepository<CustomerCustomerRoleMapping> RoleMappings { get; } = new();

    public InMemoryRepository<PermissionRecordCustomerRoleMapping> PermissionMappings { get; } = new();

    public Mock<ICustomerService> CustomerService { get; } = new();

    public Mock<IStaticCacheManager> Cache { get; } = new();

    public Mock<IFarmLock> FarmLock { get; } = new();

    public Mock<IModelRefreshSignal> RefreshSignal { get; } = new();

    public Mock<ISegmentMembershipRefresh> MembershipRefresh { get; } = new();

    public Mock<IPlacementService> Placements { get; } = new();

    public Mock<IRecommenderHolder> Holder { get; } = new();

    public Mock<IServingCatalog> Catalog { get; } = new();

    public EventSink Sink { get; } = new(capacity: 10);

    public Mock<ILocalizationService> Localization { get; } = new();

    public AdminServices()
    {
        Settings.Save(PersonalizationSettings.Defaults());
        FarmLock.Setup(l => l.TryRunAsync(It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<Func<CancellationToken, Task>>()))
            .Returns(async (string _, TimeSpan _, Func<CancellationToken, Task> work) =>
            {
                await work(CancellationToken.None);
                return true;
            });
        Placements.Setup(p => p.GetPlacementsAsync(It.IsAny<int>())).ReturnsAsync(new List<PersonalizationPlacement>());
        Localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => key);
        //the admin who linked a role still holds the permissions
        Permissions.Setup(p => p.AuthorizeAsync(It.IsAny<string>(), It.IsAny<Customer>())).ReturnsAsync(true);
        CustomerService.Setup(c => c.GetCustomerByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => new Customer { Id = id, Active = true });
        Gdpr.Setup(g => g.GetAllConsentsAsync()).ReturnsAsync(new List<GdprConsent>());
        Stores.Setup(s => s.GetAllStoresAsync()).ReturnsAsync(new List<Store> { new() { Id = 1, Name = "Your store name" } });
    }

    public OrderBackfillService Backfill() =>
        new(Events.Object, OrderItems.Object, Orders.Object, new PurchaserIds(GdprLogs.Object, Attributes.Object, Settings.Service), Settings.Service, Clock, WorkBoard);

    public ModelSnapshotStore SnapshotStore() => new(Snapshots.Object, Clock);

    public RecordingShopLog TrainingLogger { get; } = new();

    public RecordingShopLog InsightsLogger { get; } = new();

    public RecordingShopLog RoleSyncLogger { get; } = new();

    public InMemoryRepository<PersonalizationRoleMapping> RoleLedger { get; } = new();

    public Mock<IPermissionService> Permissions { get; } = new();

    public Mock<ICustomerActivityService> Activity { get; } = new();

    public SegmentRoleSync RoleSync()
    {
        var roleMembers = new RoleMembers(Customers.Object, RoleMappings.Object, Cache.Object);
        return new(new RoleSyncActivityLog(new InMemoryRepository<ActivityLogType>().Object, Activity.Object, CustomerService.Object), CustomerService.Object,
            new RoleMappingLedger(RoleLedger.Object, roleMembers), RoleSyncLogger, new RoleLinkPermission(CustomerService.Object, Permissions.Object),
            new SegmentMemberReader(Profiles.Object), roleMembers, Segments.Object, new SyncableRoles(CustomerService.Object, PermissionMappings.Object), Clock);
    }

    public CustomerInsightsRefresher Insights() =>
        new(new EmailActivityReader(Events.Object, EmailSends.Object), new InMemoryRepository<PersonalizationErasure>().Object, InsightsLogger, Predictions.Object, Profiles.Object, RoleSync(), new SegmentStore(Segments.Object), Settings.Service);

    public BackInStockWatch BackInStockWatch { get; } = new();

    public ModelTrainingService Training() =>
        new(new AvailabilityStartScan(Settings.Service, BackInStockWatch), FarmLock.Object, Insights(), new InteractionReader(Events.Object), TrainingLogger, RefreshSignal.Object,
            new ProductFactsReader(AttributeReaders.Empty(Products.Object), Combinations.Object, ProductCategories.Object, ProductManufacturers.Object, Products.Object, WarehouseInventory.Object), MembershipRefresh.Object, Settings.Service, SnapshotStore(), Clock, WorkBoard);

    public PlacementCatalog PlacementCatalog { get; } = new();

    public Mock<Nop.Services.ScheduleTasks.IScheduleTaskService> ScheduleTasks { get; } = new();

    public Mock<Nop.Services.Stores.IStoreService> Stores { get; } = new();

    /// <summary>The health checklist over the same data; recent event counts are not cached here.</summary>
    public HealthModelFactory HealthFactory()
    {
        var cache = new Mock<IStaticCacheManager>();
        cache.Setup(c => c.GetAsync(It.IsAny<CacheKey>(), It.IsAny<Func<Task<long[]>>>()))
            .Returns((CacheKey _, Func<Task<long[]>> acquire) => acquire());
        return new(new HealthFactsReader(Backfill(), new RecentEventCounts(Events.Object, cache.Object), new ImpressionCountStore(ImpressionCounts.Object),
            PlacementCatalog, Holder.Object, ScheduleTasks.Object, Settings.Service, SnapshotStore(), Clock), Localization.Object, Stores.Object);
    }

    public StatusModelFactory StatusFactory() => new(Backfill(), Catalog.Object, Sink, Holder.Object, Settings.Service, SnapshotStore());

    public PerformanceModelFactory PerformanceFactory() =>
        new(Localization.Object, new PlacementReportCache(Clock), new PlacementReportService(Customers.Object, new EmailSendLog(EmailSends.Object), Events.Object, new ImpressionCountStore(ImpressionCounts.Object), Placements.Object,
            Settings.Service, Clock));

    /// <summary>
    /// A settled order (placed a day ago) with one line per product.
    /// </summary>
    public Order AddOrder(int customerId, params int[] productIds)
    {
        var order = new Order { StoreId = 1, CustomerId = customerId, OrderStatusId = (int)OrderStatus.Complete, CreatedOnUtc = Now.UtcDateTime.AddDays(-1) };
        Orders.Add(order);
        foreach (var productId in productIds)
            OrderItems.Add(new OrderItem { OrderId = order.Id, ProductId = productId, Quantity = 1, UnitPriceExclTax = 10m });

        return order;
    }
}
