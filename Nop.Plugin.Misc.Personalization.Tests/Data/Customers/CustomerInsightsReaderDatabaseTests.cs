using System.Globalization;
using Nop.Services.Catalog;
using Nop.Services.Directory;
using Nop.Services.Configuration;
using LinqToDB;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Localization;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Tests.Backfill;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Customers;

/// <summary>
/// The customer insights reader against PostgreSQL: profile, prediction, event, segment and catalog rows inserted
/// here, read back through linq2db IRepository&lt;T&gt; and shaped for the admin customer page. Texts come from the
/// plugin's own English resources.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class CustomerInsightsReaderDatabaseTests : MigratedDatabaseTest
{
    private const int CUSTOMER = 7;
    private const int OTHER_CUSTOMER = 8;
    private const int MAIN_STORE = 1;
    private const int OUTLET_STORE = 2;

    private static readonly DateTime _now = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

    private DataOptions _shopOptions;
    private IReadOnlyDictionary<string, string> _english;
    private InMemorySettings _insightsState;
    private PersonalizationSegment _loyal;
    private PersonalizationSegment _bigSpenders;

    public CustomerInsightsReaderDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [OneTimeSetUp]
    public async Task CreateShopTablesAsync()
    {
        _shopOptions = ShopTables.Options(Database, typeof(Product), typeof(Category), typeof(Manufacturer), typeof(Store));
        await ShopTables.CreateAsync<Product>(_shopOptions);
        await ShopTables.CreateAsync<Category>(_shopOptions);
        await ShopTables.CreateAsync<Manufacturer>(_shopOptions);
        await ShopTables.CreateAsync<Store>(_shopOptions);
        _english = LocaleResources.LoadEnglish().ToDictionary();
    }

    [SetUp]
    public async Task SeedAsync()
    {
        _insightsState = new InMemorySettings().Handle<PersonalizationInsightsState>();
        await Shop<PersonalizationProfile>().TruncateAsync();
        await Shop<PersonalizationPrediction>().TruncateAsync();
        await Shop<PersonalizationEvent>().TruncateAsync();
        await Shop<PersonalizationSegment>().TruncateAsync();
        await Shop<Product>().TruncateAsync(resetIdentity: true);
        await Shop<Category>().TruncateAsync(resetIdentity: true);
        await Shop<Manufacturer>().TruncateAsync(resetIdentity: true);
        await Shop<Store>().TruncateAsync(resetIdentity: true);

        await Shop<Store>().InsertAsync(new Store { Name = "Main shop", Url = "https://main.example" });
        await Shop<Store>().InsertAsync(new Store { Name = "Outlet", Url = "https://outlet.example" });
        for (var id = 1; id <= 30; id++)
        {
            await Shop<Product>().InsertAsync(new Product
            {
                Name = $"Product {id}",
                Deleted = id == 2,
                CreatedOnUtc = _now.AddYears(-1),
                UpdatedOnUtc = _now.AddYears(-1)
            });
        }

        //ids 1 and 2
        await Shop<Category>().InsertAsync(new Category { Name = "Shoes" });
        await Shop<Category>().InsertAsync(new Category { Name = "Bags", Deleted = true });
        //id 1
        await Shop<Manufacturer>().InsertAsync(new Manufacturer { Name = "Acme" });

        _loyal = new PersonalizationSegment { Name = "Loyal", RuleDefinition = "frequency >= 4", Enabled = true };
        _bigSpenders = new PersonalizationSegment { Name = "Big spenders", RuleDefinition = "monetary = 5", Enabled = true };
        await Shop<PersonalizationSegment>().InsertAsync(_loyal);
        await Shop<PersonalizationSegment>().InsertAsync(_bigSpenders);
    }

    [Test]
    public async Task TheProfileOfEachStoreIsShapedWithNamesAndTexts()
    {
        await Shop<PersonalizationProfile>().InsertAsync(new List<PersonalizationProfile>
        {
            new()
            {
                CustomerId = CUSTOMER, StoreId = OUTLET_STORE, LifecycleStage = (int)LifecycleStage.New, Recency = 5, Frequency = 1, Monetary = 2,
                Orders = 1, TotalSpent = 19.9m, LastOrderOnUtc = _now.AddDays(-3), LastComputedOnUtc = _now.AddHours(-2)
            },
            new()
            {
                CustomerId = CUSTOMER, StoreId = MAIN_STORE, LifecycleStage = (int)LifecycleStage.AtRisk, Recency = 2, Frequency = 4, Monetary = 5,
                Orders = 6, TotalSpent = 432.1m, LastOrderOnUtc = _now.AddDays(-70), MedianGapDays = 21.5m, LastComputedOnUtc = _now.AddHours(-1),
                ProbabilityAlive = 0.2513m, ExpectedPurchases90Days = 1.25m,
                EmailsSent90Days = 4, EmailsOpened90Days = 2, EmailsClicked90Days = 1, EmailClickRate = 0.25m,
                LastEmailOpenOnUtc = _now.AddDays(-2), LastEmailClickOnUtc = _now.AddDays(-3),
                //a deleted category keeps its name; category 77 and segment 999 no longer exist
                Affinities = "c1:0.83;m1:0.41;p2:0.66;c77:0.1;c2:0.05",
                SegmentIds = $"{_bigSpenders.Id},999, {_loyal.Id}"
            },
            new() { CustomerId = OTHER_CUSTOMER, StoreId = MAIN_STORE, LifecycleStage = (int)LifecycleStage.Lapsed, Affinities = "c1:1", LastComputedOnUtc = _now }
        }, publishEvent: false);

        //the last run could not fit the lifetime model in the outlet store
        _insightsState.Save(new PersonalizationInsightsState { LifetimeSupport = $"{MAIN_STORE}|400|90|1\n{OUTLET_STORE}|12|3|0" });

        var model = await Reader().ReadAsync(CUSTOMER);

        model.HasData.Should().BeTrue();
        model.ShowStores.Should().BeTrue();
        model.Profiles.Select(p => (p.StoreId, p.StoreName, p.Lifecycle)).Should().Equal(
            (MAIN_STORE, "Main shop", "At risk"),
            (OUTLET_STORE, "Outlet", "New"));

        var main = model.Profiles[0];
        (main.Recency, main.Frequency, main.Monetary, main.Orders, main.TotalSpent).Should().Be((2, 4, 5, 6, 432.1m));
        main.LifecycleStage.Should().Be(LifecycleStage.AtRisk);
        main.LastOrderOnUtc.Should().Be(_now.AddDays(-70));
        main.MedianGapDays.Should().Be(21.5m);
        (main.ProbabilityAlive, main.ExpectedPurchases90Days).Should().Be((0.2513m, 1.25m));
        main.LifetimeText.Should().Be($"{0.2513m.ToString("P0", CultureInfo.CurrentCulture)} likely still a customer; about {1.25m.ToString("0.0#", CultureInfo.CurrentCulture)} purchase days expected in the next 90 days");
        main.EmailEngagement.Should().Be($"4 sent, 2 opened, 1 clicked; click rate {0.25m.ToString("P0", CultureInfo.CurrentCulture)}; last open 2026-11-24, last click 2026-11-23");
        main.LastComputedOnUtc.Should().Be(_now.AddHours(-1));
        main.Segments.Should().Equal("Big spenders", "Loyal");
        main.Affinities.Select(a => (a.KindName, a.Name, a.Score)).Should().Equal(
            ("Category", "Shoes", 0.83),
            ("Manufacturer", "Acme", 0.41),
            ("Price", "price band 2 of 5", 0.66),
            ("Category", "#77", 0.1),
            ("Category", "Bags", 0.05));

        var outlet = model.Profiles[1];
        outlet.Affinities.Should().BeEmpty();
        outlet.Segments.Should().BeEmpty();
        outlet.MedianGapDays.Should().BeNull();
        outlet.ProbabilityAlive.Should().BeNull();
        outlet.LifetimeText.Should().Be("not predicted: this store has 12 buyers, 3 of whom bought again on a later day; the model needs at least 200 buyers and 50 repeat buyers");
        outlet.EmailEngagement.Should().Be("no e-mail sent, opened or clicked");
    }

    [Test]
    public async Task PredictionsAreTheTenSoonestDueOfTheCustomer()
    {
        //due dates deliberately out of insertion order; the other customer's are sooner still
        var dueInDays = new[] { 9, 3, 12, -2, 7, 1, 11, 5, 0, 8, 2, 10 };
        var predictions = dueInDays.Select((days, i) => new PersonalizationPrediction
        {
            CustomerId = CUSTOMER,
            StoreId = i % 2 == 0 ? MAIN_STORE : OUTLET_STORE,
            ProductId = i + 1,
            Kind = (byte)(i % 3 == 0 ? PredictionKind.Complement : PredictionKind.Replenishment),
            DueOnUtc = _now.AddDays(days),
            Score = 0.5m + i / 100m,
            EmailedOnUtc = i == 3 ? _now.AddDays(-1) : null
        }).ToList();
        predictions.Add(new PersonalizationPrediction { CustomerId = OTHER_CUSTOMER, StoreId = MAIN_STORE, ProductId = 20, Kind = 1, DueOnUtc = _now.AddDays(-30), Score = 1m });
        await Shop<PersonalizationPrediction>().InsertAsync(predictions, publishEvent: false);

        var model = await Reader().ReadAsync(CUSTOMER);

        var expected = predictions.Where(p => p.CustomerId == CUSTOMER).OrderBy(p => p.DueOnUtc).Take(CustomerInsightsReader.MAX_PREDICTIONS).ToList();
        expected.Should().HaveCount(10);
        model.Predictions.Select(p => (p.ProductId, p.ProductName, p.DueOnUtc, p.Score)).Should().Equal(
            expected.Select(p => (p.ProductId, $"Product {p.ProductId}", p.DueOnUtc, p.Score)));
        model.Predictions.Should().BeInAscendingOrder(p => p.DueOnUtc);

        var overdue = model.Predictions[0];
        (overdue.ProductId, overdue.Kind, overdue.StoreName, overdue.EmailedOnUtc).Should().Be((4, "Goes with a purchase", "Outlet", _now.AddDays(-1)));
        model.Predictions.Single(p => p.ProductId == 2).Kind.Should().Be("Reorder due");
        model.Profiles.Should().BeEmpty();
        model.HasData.Should().BeTrue();
    }

    [Test]
    public async Task EventsAreTheTwentyNewestOfTheCustomer()
    {
        var types = new[] { InteractionType.View, InteractionType.AddToCart, InteractionType.Purchase, InteractionType.Wishlist, InteractionType.RecommendationClick };
        var events = Enumerable.Range(1, 25).Select(i => new PersonalizationEvent
        {
            CustomerId = CUSTOMER,
            StoreId = i % 4 == 0 ? OUTLET_STORE : MAIN_STORE,
            EventType = (byte)types[i % types.Length],
            ProductId = i,
            Quantity = i % 3 + 1,
            CreatedOnUtc = _now.AddMinutes(-10 * ((i * 7) % 25))
        }).ToList();
        events.Add(new PersonalizationEvent
        {
            CustomerId = CUSTOMER, StoreId = MAIN_STORE, EventType = (int)InteractionType.Search, ProductId = 0, Query = "red shoes", CreatedOnUtc = _now.AddMinutes(1)
        });
        events.Add(new PersonalizationEvent { CustomerId = OTHER_CUSTOMER, StoreId = MAIN_STORE, EventType = (int)InteractionType.View, ProductId = 30, CreatedOnUtc = _now.AddMinutes(5) });
        await Shop<PersonalizationEvent>().InsertAsync(events, publishEvent: false);

        var model = await Reader().ReadAsync(CUSTOMER);

        var expected = events.Where(e => e.CustomerId == CUSTOMER).OrderByDescending(e => e.CreatedOnUtc).Take(CustomerInsightsReader.MAX_EVENTS).ToList();
        model.Events.Select(e => (e.CreatedOnUtc, e.ProductId, e.Quantity)).Should().Equal(expected.Select(e => (e.CreatedOnUtc, e.ProductId, e.Quantity)));
        model.Events.Should().HaveCount(20).And.BeInDescendingOrder(e => e.CreatedOnUtc);

        var search = model.Events[0];
        (search.Type, search.Query, search.ProductName, search.StoreName).Should().Be(("Searched", "red shoes", null, "Main shop"));
        var purchase = model.Events.Single(e => e.ProductId == 2);
        (purchase.Type, purchase.ProductName, purchase.Quantity).Should().Be(("Bought", "Product 2", 3), "a deleted product keeps its name in the history");
        model.Events.Single(e => e.ProductId == 1).Type.Should().Be("Added to cart");
        model.Events.Should().NotContain(e => e.ProductId == 30);
    }

    [Test]
    public async Task ImpressionRowsOfEarlierVersionsDoNotCrowdOutWhatTheCustomerDid()
    {
        //the customer's own actions are older than a page of impressions, as on any browsing session
        var events = Enumerable.Range(1, 5).Select(i => new PersonalizationEvent
        {
            CustomerId = CUSTOMER, StoreId = MAIN_STORE, EventType = (byte)InteractionType.View, ProductId = i, Quantity = 1, CreatedOnUtc = _now.AddHours(-i)
        }).ToList();
        events.AddRange(Enumerable.Range(1, 30).Select(i => new PersonalizationEvent
        {
            CustomerId = CUSTOMER, StoreId = MAIN_STORE, EventType = (byte)InteractionType.RecommendationImpression, Quantity = 4, Placement = "3",
            CreatedOnUtc = _now.AddMinutes(-i)
        }));
        events.Add(new PersonalizationEvent
        {
            CustomerId = OTHER_CUSTOMER, StoreId = MAIN_STORE, EventType = (byte)InteractionType.RecommendationImpression, Quantity = 4, CreatedOnUtc = _now
        });
        await Shop<PersonalizationEvent>().InsertAsync(events, publishEvent: false);

        var model = await Reader().ReadAsync(CUSTOMER);

        model.Events.Select(e => (e.Type, e.ProductId)).Should().Equal(Enumerable.Range(1, 5).Select(i => ("Viewed", i)));
    }

    [Test]
    public async Task ACustomerWithNothingGetsTheNoDataModel()
    {
        await Shop<PersonalizationProfile>().InsertAsync(new PersonalizationProfile { CustomerId = OTHER_CUSTOMER, StoreId = MAIN_STORE, LastComputedOnUtc = _now });
        await Shop<PersonalizationEvent>().InsertAsync(new PersonalizationEvent { CustomerId = OTHER_CUSTOMER, StoreId = MAIN_STORE, EventType = 1, ProductId = 1, CreatedOnUtc = _now });
        await Shop<PersonalizationPrediction>().InsertAsync(new PersonalizationPrediction { CustomerId = OTHER_CUSTOMER, StoreId = MAIN_STORE, ProductId = 1, Kind = 1, DueOnUtc = _now });

        var model = await Reader().ReadAsync(CUSTOMER);

        model.CustomerId.Should().Be(CUSTOMER);
        model.HasData.Should().BeFalse();
        model.LoadFailed.Should().BeFalse();
        model.Profiles.Should().BeEmpty();
        model.Predictions.Should().BeEmpty();
        model.Events.Should().BeEmpty();
    }

    [Test]
    public async Task AShopWithOneStoreDoesNotNameIt()
    {
        var outlet = await Shop<Store>().GetByIdAsync(OUTLET_STORE);
        outlet.Deleted = true;
        await Shop<Store>().UpdateAsync(outlet);
        await Shop<PersonalizationEvent>().InsertAsync(new PersonalizationEvent
        {
            CustomerId = CUSTOMER, StoreId = MAIN_STORE, EventType = (int)InteractionType.View, ProductId = 1, Quantity = 1, CreatedOnUtc = _now
        });

        var model = await Reader().ReadAsync(CUSTOMER);

        model.ShowStores.Should().BeFalse();
        model.Events.Single().StoreName.Should().Be("Main shop");
    }

    [Test]
    public async Task UnreadableStoredValuesShowAsWhatTheyAre()
    {
        await Shop<PersonalizationProfile>().InsertAsync(new PersonalizationProfile
        {
            CustomerId = CUSTOMER, StoreId = 3, LifecycleStage = 42, Affinities = "not an affinity list", SegmentIds = "x,,", LastComputedOnUtc = _now
        });
        await Shop<PersonalizationEvent>().InsertAsync(new PersonalizationEvent { CustomerId = CUSTOMER, StoreId = MAIN_STORE, EventType = 99, ProductId = 999, CreatedOnUtc = _now });

        var model = await Reader().ReadAsync(CUSTOMER);

        var profile = model.Profiles.Single();
        (profile.StoreName, profile.Lifecycle).Should().Be(("#3", "42"));
        profile.Affinities.Should().BeEmpty();
        profile.Segments.Should().BeEmpty();
        var interaction = model.Events.Single();
        (interaction.Type, interaction.ProductName).Should().Be(("99", "#999"));
    }

    private CustomerInsightsReader Reader()
    {
        var localization = new Mock<ILocalizationService>(MockBehavior.Strict);
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>()))
            .ReturnsAsync((string key) => _english.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException(key));

        return new CustomerInsightsReader(Shop<PersonalizationEvent>(), localization.Object, Shop<PersonalizationPrediction>(),
            new ProfileFactTexts(localization.Object, _insightsState.Service), Shop<PersonalizationProfile>(), Shop<PersonalizationSegment>(), PriceBands(localization.Object),
            new ShopNames(Shop<Category>(), Shop<Manufacturer>(), Shop<Product>(), Shop<Store>()),
            new AttributeNames(localization.Object, new Admin.InMemoryRepository<ProductAttribute>().Object, new Admin.InMemoryRepository<ProductAttributeMapping>().Object,
                new Admin.InMemoryRepository<ProductAttributeValue>().Object, new Admin.InMemoryRepository<ProductTag>().Object,
                new Admin.InMemoryRepository<SpecificationAttribute>().Object, new Admin.InMemoryRepository<SpecificationAttributeOption>().Object));
    }

    /// <summary>No insights run has stored the bands' cut points yet: bands read "price band n of 5".</summary>
    private static PriceBandNames PriceBands(ILocalizationService localization)
    {
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<PersonalizationInsightsState>(0)).ReturnsAsync(new PersonalizationInsightsState());
        return new PriceBandNames(Mock.Of<ICurrencyService>(), localization, Mock.Of<IPriceFormatter>(), settings.Object, Mock.Of<IWorkContext>());
    }

    private IRepository<TEntity> Shop<TEntity>() where TEntity : BaseEntity => new LinqToDbRepository<TEntity>(_shopOptions);
}
