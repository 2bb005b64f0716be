using System.Globalization;
using LinqToDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Services;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Plugin.Misc.Personalization.Services.Targeting;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;
using Nop.Services.Configuration;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Serving;

/// <summary>
/// A small hand-made shop end to end on every engine: captured events → writer → database → training task → snapshot
/// → refresher → recommendation service.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class EndToEndServingTests
{
    private readonly DatabaseEngine _engine;
    private static readonly DateTimeOffset _now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private TestDatabase _database;
    private PluginMigrator _migrator;
    private ServiceProvider _services;
    private RecommendationService _recommendations;
    private TrainingResult _training;

    //a store that runs with consent mode Nobody: every event it has is anonymous
    private const int ANONYMOUS_STORE = 3;

    public EndToEndServingTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    [OneTimeSetUp]
    public async Task BuildTheShopAsync()
    {
        _database = await TestDatabase.CreateAsync(_engine);
        _migrator = new PluginMigrator(_database);
        _migrator.MigrateUp();
        var options = ShopTables.Options(_database, [typeof(Product), typeof(ProductCategory), typeof(ProductManufacturer),
            typeof(ProductWarehouseInventory), typeof(ProductAttributeCombination), .. ShopTables.AttributeEntities]);
        await ShopTables.CreateAsync<Product>(options);
        await ShopTables.CreateAsync<ProductCategory>(options);
        await ShopTables.CreateAsync<ProductManufacturer>(options);
        await ShopTables.CreateAsync<ProductWarehouseInventory>(options);
        await ShopTables.CreateAsync<ProductAttributeCombination>(options);
        await ShopTables.CreateAttributeTablesAsync(options);

        var time = new FakeTimeProvider(_now);
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(It.IsAny<int>())).ReturnsAsync(() => PersonalizationSettings.Defaults());
        var nobody = PersonalizationSettings.Defaults();
        nobody.Consent = TrackingConsent.Nobody;
        settings.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(ANONYMOUS_STORE)).ReturnsAsync(nobody);
        settings.Setup(s => s.LoadSettingAsync<PersonalizationProfileState>(It.IsAny<int>())).ReturnsAsync(() => new PersonalizationProfileState());
        settings.Setup(s => s.LoadSettingAsync<PersonalizationTrainingState>(It.IsAny<int>())).ReturnsAsync(() => new PersonalizationTrainingState());
        settings.Setup(s => s.LoadSettingAsync<PersonalizationInsightsState>(It.IsAny<int>())).ReturnsAsync(() => new PersonalizationInsightsState());
        _services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<Nop.Plugin.Misc.Personalization.Services.Progress.LongWorkBoard>()
            .AddSingleton(settings.Object)
            .AddSingleton(typeof(IRepository<>), typeof(LinqToDbRepository<>))
            .AddSingleton(options)
            .AddSingleton<IEventSink>(new EventSink(10_000))
            .AddScoped<IEventStore, EventStore>()
            .AddSingleton<Nop.Plugin.Misc.Personalization.Services.Privacy.ErasedCustomers>()
            .AddScoped<IdentifiedDataRemoval>()
            .AddSingleton<Nop.Plugin.Misc.Personalization.Services.Privacy.CustomerEviction>()
            .AddScoped<Nop.Plugin.Misc.Personalization.Services.Privacy.CustomerForgetting>()
            .AddScoped<UnconsentedCustomers>()
            .AddTrainingAndServing()
            .AddScoped<Nop.Plugin.Misc.Personalization.Services.RoleSync.SyncableRoles>()
            .AddScoped<Nop.Plugin.Misc.Personalization.Services.RoleSync.SegmentMemberReader>()
            .AddScoped<Nop.Plugin.Misc.Personalization.Services.RoleSync.RoleMembers>()
            .AddScoped<Nop.Plugin.Misc.Personalization.Services.RoleSync.SegmentRoleSync>()
            .AddScoped<Nop.Plugin.Misc.Personalization.Services.RoleSync.RoleMappingLedger>()
            .AddScoped<Nop.Plugin.Misc.Personalization.Services.RoleSync.RoleLinkPermission>()
            .AddScoped<Nop.Plugin.Misc.Personalization.Services.RoleSync.RoleSyncActivityLog>()
            .AddSingleton(Mock.Of<Nop.Services.Security.IPermissionService>())
            .AddSingleton(Mock.Of<Nop.Services.Logging.ICustomerActivityService>())
            .AddSingleton<ISegmentMembership, SegmentMembership>()
            .AddScoped<SegmentMembershipReader>()
            .AddSingleton<PluginLifetime>()
            .AddSingleton<SegmentMembershipRefresher>()
            .AddSingleton<ISegmentMembershipRefresh>(provider => provider.GetRequiredService<SegmentMembershipRefresher>())
            .AddSingleton<ModelRefresher>()
            .AddSingleton(PersonalizationSettings.Defaults())
            .AddSingleton<RecommendationService>()
            .AddLogging()
            .AddSingleton<IShopLog, RecordingShopLog>()
            .BuildServiceProvider();

        await SeedCatalogAsync(_services.GetRequiredService<IRepository<Product>>(), _services.GetRequiredService<IRepository<ProductCategory>>());
        await CaptureAndWriteAsync(_services.GetRequiredService<IEventSink>());

        using (var scope = _services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SegmentStore>().InsertBuiltInSegmentsAsync();
            var result = _training = await scope.ServiceProvider.GetRequiredService<ModelTrainingService>().TrainAsync();
            result.Trained.Should().BeTrue();
            result.InsightsRefreshed.Should().BeTrue();
            result.VersionByStore.Should().ContainKey(1);
        }

        await _services.GetRequiredService<ModelRefresher>().RefreshAsync();
        (await _services.GetRequiredService<SegmentMembershipRefresher>().RefreshAsync()).Should().BeTrue();
        _recommendations = _services.GetRequiredService<RecommendationService>();
    }

    [OneTimeTearDown]
    public async Task TearDownAsync()
    {
        if (_services != null)
            await _services.DisposeAsync();
        _migrator?.MigrateDownToNothing();
        _migrator?.Dispose();
        if (_database != null)
            await _database.DisposeAsync();
    }

    [Test]
    public async Task EachStoreIsServedWithItsOwnHalfLife()
    {
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(It.IsAny<int>())).ReturnsAsync(() => PersonalizationSettings.Defaults());
        var storeOne = PersonalizationSettings.Defaults();
        storeOne.DecayHalfLifeDays = 7;
        settings.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(1)).ReturnsAsync(storeOne);
        var holder = new RecommenderHolder();
        await using var services = new ServiceCollection()
            .AddSingleton(settings.Object)
            .AddSingleton(typeof(IRepository<>), typeof(LinqToDbRepository<>))
            .AddSingleton(_services.GetRequiredService<DataOptions>())
            .AddSingleton<TimeProvider>(new FakeTimeProvider(_now))
            .AddScoped<ModelSnapshotStore>()
            .AddScoped<ProductFactsReader>()
            .AddScoped<ProductAttributeReader>()
            .BuildServiceProvider();
        var refresher = new ModelRefresher(new ServingCatalog(), holder, new RecordingShopLog(),
            services.GetRequiredService<IServiceScopeFactory>(), new ModelRefreshSignal(), new FakeTimeProvider(_now), new PluginLifetime());

        await refresher.RefreshAsync();

        holder.Find(1).Scoring.HistoryHalfLifeDays.Should().Be(7);
        holder.Find(1).Snapshot.Scoring.HistoryHalfLifeDays.Should().Be(PersonalizationSettings.Defaults().DecayHalfLifeDays, "the trained snapshot keeps the shop-wide half-life");
    }

    [Test]
    public async Task TrainingStoresEveryBuyersProfileWithTheSegmentsTheyFallInto()
    {
        var profiles = await _services.GetRequiredService<IRepository<PersonalizationProfile>>().GetAllAsync(query => query.OrderBy(profile => profile.CustomerId));
        var segments = await _services.GetRequiredService<IRepository<PersonalizationSegment>>().GetAllAsync(query => query);
        var newCustomers = segments.Single(segment => segment.Name == "New customers").Id;

        profiles.Select(profile => profile.CustomerId).Should().Equal(Enumerable.Range(100, 13).Append(200));
        profiles.Should().OnlyContain(profile => profile.StoreId == 1 && profile.Orders == 1 && profile.LifecycleStage == (int)LifecycleStage.New
            && profile.SegmentIds.Split(',', StringSplitOptions.None).Contains(newCustomers.ToString(CultureInfo.InvariantCulture)));
        profiles.Single(profile => profile.CustomerId == 100).TotalSpent.Should().Be(40m, "four lines of 10");
    }

    [Test]
    public async Task TheSegmentsTrainingStoredAreKnownInMemory()
    {
        var segments = await _services.GetRequiredService<IRepository<PersonalizationSegment>>().GetAllAsync(query => query);
        var newCustomers = segments.Single(segment => segment.Name == "New customers").Id;
        var lapsed = segments.Single(segment => segment.Name == "Lapsed").Id;
        var membership = _services.GetRequiredService<ISegmentMembership>();

        membership.Customers.Should().Be(14);
        membership.IsMember(1, 100, newCustomers).Should().BeTrue();
        membership.IsMember(1, 200, newCustomers).Should().BeTrue();
        membership.IsMember(1, 100, lapsed).Should().BeFalse();
        membership.IsMember(2, 100, newCustomers).Should().BeFalse();
    }

    [Test]
    public void TheTrainedModelIsServedFromMemory()
    {
        _services.GetRequiredService<IRecommenderHolder>().VersionOf(1).Should().Be(1);
        _services.GetRequiredService<IServingCatalog>().Count.Should().Be(7);
    }

    [Test]
    public void BoughtTogetherReturnsTheProductsBoughtWithIt()
    {
        var picks = Recommend(PlacementStrategy.BoughtTogether, customerId: 999, productId: 1);

        picks.Should().StartWith(2);
        picks.Should().Contain(3);
        picks.Should().NotContain(1, "the product on the page is never recommended");
        picks.Should().NotContain(6, "unpublished products are never shown");
        picks.Should().NotContain(7, "products not visible individually are never shown");
    }

    [Test]
    public async Task ForYouFollowsWhatTheCustomerDidAndSkipsWhatTheyBought()
    {
        await LoadStoredHistoryAsync(customerId: 200);

        var picks = Recommend(PlacementStrategy.ForYou, customerId: 200);

        picks.Should().NotBeEmpty();
        picks.First().Should().BeOneOf(2, 3);
        picks.Should().NotContain(1, "customer 200 already bought product 1, which nobody rebuys");
    }

    [Test]
    public void ANewVisitorGetsTrendingProducts()
    {
        var picks = Recommend(PlacementStrategy.ForYou, customerId: 12345);

        picks.Should().NotBeEmpty();
        picks.Should().OnlyContain(id => id >= 1 && id <= 5);
    }

    [Test]
    public void AStoreWhoseEventsAreAllAnonymousGetsAModelWithTrendingProducts()
    {
        _training.VersionByStore.Should().ContainKey(ANONYMOUS_STORE, "anonymous events train the store's aggregates");

        var picks = _recommendations.Recommend(new RecommendationRequest(PlacementStrategy.Trending, StoreId: ANONYMOUS_STORE, CustomerId: 4321, Count: 4), _now.UtcDateTime)
            .Select(r => r.ProductId).ToList();

        picks.Should().BeEquivalentTo(new[] { 4, 5 }, "a guest in that store is served what its anonymous visitors looked at and bought");
    }

    [Test]
    public void WithoutAModelForTheStoreNothingIsShown()
    {
        _recommendations.Recommend(new RecommendationRequest(PlacementStrategy.Trending, StoreId: 2, CustomerId: 1, Count: 4), _now.UtcDateTime)
            .Should().BeEmpty();
    }

    [Test]
    public async Task AHistoryReadWhileTheCustomerWasErasedDoesNotComeBackIntoMemory()
    {
        //erased "after the read started": the erasure time lies after the loader's clock
        var erased = new Nop.Plugin.Misc.Personalization.Services.Privacy.ErasedCustomers();
        erased.Add(200, DateTime.UtcNow.AddMinutes(5));

        var history = await LoadStoredHistoryAsync(customerId: 200, erased, expectRows: false);

        history.Get(1, 200).Should().BeEmpty("what the read brought belongs to an erased customer");
        //this fixture's nodes are shared: the next test loads customer 200 afresh
        history.Forget(200);
    }

    /// <summary>
    /// A request misses the stored history and asks for it; the background loader brings it into memory.
    /// </summary>
    private async Task<ICustomerHistory> LoadStoredHistoryAsync(int customerId,
        Nop.Plugin.Misc.Personalization.Services.Privacy.ErasedCustomers erased = null, bool expectRows = true)
    {
        var history = _services.GetRequiredService<ICustomerHistory>();
        history.Get(1, customerId).Should().BeEmpty("nothing of this customer was seen live on this node");

        var loader = new CustomerHistoryLoader(erased ?? new Nop.Plugin.Misc.Personalization.Services.Privacy.ErasedCustomers(), history,
            new RecordingShopLog(), _services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);
        await loader.StartAsync(CancellationToken.None);
        //a miss asks for the load; with nothing to wait for (erased), give the loader a moment to finish its one request
        var deadline = DateTime.UtcNow.AddSeconds(expectRows ? 10 : 2);
        while (history.Get(1, customerId).Count == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        await loader.StopAsync(CancellationToken.None);

        if (expectRows)
            history.Get(1, customerId).Select(e => e.ProductId).Should().Equal(1, 2);
        return history;
    }

    private List<int> Recommend(PlacementStrategy strategy, int customerId, int productId = 0) =>
        _recommendations.Recommend(new RecommendationRequest(strategy, 1, customerId, 4, productId), _now.UtcDateTime)
            .Select(r => r.ProductId).ToList();

    private static async Task SeedCatalogAsync(IRepository<Product> products, IRepository<ProductCategory> categories)
    {
        for (var id = 1; id <= 7; id++)
        {
            await products.InsertAsync(new Product
            {
                Name = $"Product {id}",
                Published = id != 6,
                VisibleIndividually = id != 7,
                Price = 10 * id,
                CreatedOnUtc = _now.UtcDateTime.AddYears(-1),
                UpdatedOnUtc = _now.UtcDateTime.AddYears(-1)
            });
            await categories.InsertAsync(new ProductCategory { ProductId = id, CategoryId = id <= 3 || id >= 6 ? 10 : 20 });
        }
    }

    /// <summary>
    /// Product 1 is bought with 2 (often) and 3 (sometimes); 4 and 5 go together; 6 (unpublished) and 7 (not visible
    /// individually) are bought with 1 too, so only the filters keep them out.
    /// </summary>
    private async Task CaptureAndWriteAsync(IEventSink sink)
    {
        var order = 1;
        var customer = 100;
        void Buy(params int[] productIds)
        {
            var time = _now.UtcDateTime.AddDays(-customer % 20 - 1);
            foreach (var productId in productIds)
            {
                sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent
                {
                    StoreId = 1, CustomerId = customer, ProductId = productId, EventType = (int)InteractionType.Purchase,
                    Quantity = 1, Value = 10, OrderId = order, CreatedOnUtc = time
                }));
            }
            order++;
            customer++;
        }

        for (var i = 0; i < 6; i++)
            Buy(1, 2, 6, 7);
        for (var i = 0; i < 3; i++)
            Buy(1, 3);
        for (var i = 0; i < 4; i++)
            Buy(4, 5);
        customer = 200;
        Buy(1);
        sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent
        {
            StoreId = 1, CustomerId = 200, ProductId = 2, EventType = (int)InteractionType.View, Quantity = 1, CreatedOnUtc = _now.UtcDateTime.AddHours(-1)
        }));

        //the anonymous store: views and purchases of products 4 and 5 by visitors nobody may identify
        for (var i = 0; i < 5; i++)
        {
            foreach (var (productId, type) in new[] { (4, InteractionType.View), (5, InteractionType.View), (4, InteractionType.Purchase), (5, InteractionType.AddToCart) })
            {
                sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent
                {
                    StoreId = ANONYMOUS_STORE, CustomerId = 0, ProductId = productId, EventType = (int)type, Quantity = 1, CreatedOnUtc = _now.UtcDateTime.AddHours(-2 - i)
                }));
            }
        }

        var writer = new EventWriter(sink, _services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, new RecordingShopLog(), new PluginLifetime());
        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);
        sink.Counters.Written.Should().Be(sink.Counters.Accepted);
    }
}
