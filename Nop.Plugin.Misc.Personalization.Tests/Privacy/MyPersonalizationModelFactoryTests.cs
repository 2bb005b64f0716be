using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Training;
using Nop.Plugin.Misc.Personalization.Localization;
using Nop.Plugin.Misc.Personalization.Models.CustomerInsights;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Security;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.Personalization.Tests.Privacy;

[TestFixture]
public class MyPersonalizationModelFactoryTests
{
    private static readonly DateTime _now = new(2026, 12, 6, 9, 0, 0, DateTimeKind.Utc);
    private static readonly IDictionary<string, string> _english = LocaleResources.LoadEnglish();

    private readonly Customer _customer = new() { Id = 42, CustomerGuid = Guid.NewGuid() };
    private readonly Store _store = new() { Id = 1, Url = "https://shop.example/" };
    private Mock<IAclService> _acl;
    private Mock<IPersonalizationConsent> _consent;
    private Mock<IHoldout> _holdout;
    private Mock<ICustomerInsightsReader> _insights;
    private LiveActivity _live;
    private RecordingShopLog _log;
    private MyPersonalizationModelFactory _factory;

    [SetUp]
    public void SetUp()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(_now));
        var servable = Enumerable.Range(1, 8).ToDictionary(id => id, id => new ServableProduct(id, true, false, true, true, null, null, false, false, [id], 0, 10, _now.AddYears(-1)));
        var catalog = new ServingCatalog();
        catalog.Replace(servable);
        //customers who bought product 1 also bought product 2..7
        var interactions = Enumerable.Range(1, 20).SelectMany(c => new[]
        {
            new Interaction(1, c, 1, InteractionType.Purchase, _now.AddDays(-c), 1, 10, c),
            new Interaction(1, c, 2 + c % 6, InteractionType.Purchase, _now.AddDays(-c), 1, 10, c)
        });
        var holder = new RecommenderHolder();
        holder.Swap(1, 1, new Recommender(EngineTrainer.Train(interactions, servable.Values.Select(p => p.ToFacts()).ToList(), new TrainingOptions { StoreId = 1 }, _now)));
        _live = new LiveActivity(time);

        _acl = new Mock<IAclService>();
        _holdout = new Mock<IHoldout>();
        _insights = new Mock<ICustomerInsightsReader>();
        _insights.Setup(r => r.ReadAsync(42)).ReturnsAsync(new CustomerInsightsModel { CustomerId = 42 });
        _log = new RecordingShopLog();

        var products = new Mock<IRepository<Product>>();
        products.Setup(r => r.GetByIdsAsync(It.IsAny<IList<int>>(), It.IsAny<Func<ICacheKeyService, CacheKey>>(), false))
            .ReturnsAsync((IList<int> ids, Func<ICacheKeyService, CacheKey> _, bool _) => ids.Select(id => new Product { Id = id, Published = true, VisibleIndividually = true, SubjectToAcl = id == 3 }).ToList());
        var links = new Mock<ReplenishmentProductLinks>(null, null, null);
        links.Setup(l => l.GetAsync(It.IsAny<IReadOnlyList<int>>(), "https://shop.example/", 1))
            .ReturnsAsync((IReadOnlyList<int> ids, string _, int _) => ids.Select(id => new ReplenishmentProduct(id, $"Product {id}", $"https://shop.example/p{id}")).ToList());
        var names = new Mock<ShopNames>(null, null, null, null);
        names.Setup(n => n.CategoriesAsync(It.IsAny<IReadOnlyCollection<int>>())).ReturnsAsync(new Dictionary<int, string>());
        names.Setup(n => n.ManufacturersAsync(It.IsAny<IReadOnlyCollection<int>>())).ReturnsAsync(new Dictionary<int, string>());
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>()))
            .ReturnsAsync((string key) => _english.TryGetValue(key, out var value) ? value : key);
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>(), 1, false, string.Empty, true))
            .ReturnsAsync((string key, int _, bool _, string _, bool _) => _english.TryGetValue(key, out var value) ? value : string.Empty);
        var dates = new Mock<IDateTimeHelper>();
        dates.Setup(d => d.ConvertToUserTimeAsync(It.IsAny<DateTime>(), DateTimeKind.Utc)).ReturnsAsync((DateTime date, DateTimeKind _) => date);
        var workContext = new Mock<IWorkContext>();
        workContext.Setup(w => w.GetWorkingLanguageAsync()).ReturnsAsync(new Language { Id = 1 });
        var settings = PersonalizationSettings.Defaults();

        _consent = new Mock<IPersonalizationConsent>();
        _consent.Setup(c => c.MayIdentifyAsync(_customer, 1)).ReturnsAsync(true);
        _factory = new MyPersonalizationModelFactory(_consent.Object, dates.Object, _holdout.Object, _insights.Object, localization.Object, _log,
            new ReasonSentences(localization.Object),
            new RecommendationService(catalog, new CustomerHistory(_live), holder, _live, settings),
            links.Object, names.Object,
            new ShowableProducts(_acl.Object, catalog, products.Object, settings, Mock.Of<IStoreMappingService>(), time),
            time, workContext.Object);
    }

    [Test]
    public async Task RecommendationsSayWhyInWordsAndSkipWhatTheCustomerMayNotSee()
    {
        _live.Record(new Interaction(1, 42, 1, InteractionType.View, _now.AddMinutes(-5)));

        var model = await _factory.PrepareAsync(_customer, _store);

        model.Recommendations.Should().NotBeEmpty();
        model.Recommendations.Should().OnlyContain(product => product.Why == "Because you looked at Product 1");
        model.Recommendations.Select(product => product.ProductId).Should().NotContain([1, 3], "the viewed product is excluded and 3 is hidden from this customer by ACL");
        model.Recommendations.Should().OnlyContain(product => product.Url == $"https://shop.example/p{product.ProductId}");
    }

    [Test]
    public async Task AShopperTheShopMayNotIdentifyGetsNoPersonalSuggestionsAndIsToldWhy()
    {
        _live.Record(new Interaction(1, 42, 1, InteractionType.View, _now.AddMinutes(-5)));
        _consent.Setup(c => c.MayIdentifyAsync(_customer, 1)).ReturnsAsync(false);
        _consent.Setup(c => c.IsOptedOutAsync(_customer)).ReturnsAsync(true);

        var model = await _factory.PrepareAsync(_customer, _store);

        model.Identified.Should().BeFalse();
        model.OptedOut.Should().BeTrue();
        model.Recommendations.Should().BeEmpty();
    }

    [Test]
    public async Task AHeldOutCustomerIsToldSoAndGetsNoRecommendations()
    {
        _live.Record(new Interaction(1, 42, 1, InteractionType.View, _now.AddMinutes(-5)));
        _holdout.Setup(h => h.IsHeldOutAsync(_customer)).ReturnsAsync(true);

        var model = await _factory.PrepareAsync(_customer, _store);

        model.HeldOut.Should().BeTrue();
        model.Recommendations.Should().BeEmpty();
    }

    [Test]
    public async Task TheCurrentStoresProfileIsShownInWordsWithoutWeakAffinitiesOrOtherStores()
    {
        _insights.Setup(r => r.ReadAsync(42)).ReturnsAsync(new CustomerInsightsModel
        {
            CustomerId = 42,
            Profiles =
            {
                new CustomerProfileModel
                {
                    StoreId = 2,
                    Affinities = { new CustomerAffinityModel { Kind = AffinityKind.Category, Name = "Other store's", Score = 0.9 } }
                },
                new CustomerProfileModel
                {
                    StoreId = 1,
                    LastComputedOnUtc = _now.AddHours(-3),
                    Segments = { "Loyal" },
                    Affinities =
                    {
                        new CustomerAffinityModel { Kind = AffinityKind.Category, Name = "Books", Score = 0.6 },
                        new CustomerAffinityModel { Kind = AffinityKind.Manufacturer, Name = "Acme", Score = 0.3 },
                        new CustomerAffinityModel { Kind = AffinityKind.PriceBand, Name = "price band 2 of 5", Score = 0.5 },
                        new CustomerAffinityModel { Kind = AffinityKind.Category, Name = "Noise", Score = 0.01 }
                    }
                }
            },
            Predictions =
            {
                new CustomerPredictionModel { StoreId = 1, ProductId = 6, DueOnUtc = new DateTime(2026, 12, 10, 0, 0, 0, DateTimeKind.Utc) },
                new CustomerPredictionModel { StoreId = 2, ProductId = 7, DueOnUtc = _now }
            }
        });

        var model = await _factory.PrepareAsync(_customer, _store);

        model.Categories.Should().Equal("Books");
        model.Brands.Should().Equal("Acme");
        model.PriceRange.Should().Be("price band 2 of 5");
        model.Segments.Should().Equal("Loyal");
        model.DueReorders.Select(product => product.ProductId).Should().Equal(6);
        model.DueReorders[0].Why.Should().StartWith("due around ");
        model.ProfileComputedOn.Should().Be(_now.AddHours(-3));
        model.HasInferences.Should().BeTrue();
    }

    [Test]
    public async Task AReadFailureIsLoggedWithoutDetailsAndThePageStillRenders()
    {
        _insights.Setup(r => r.ReadAsync(42)).ThrowsAsync(new InvalidOperationException("database down"));

        var model = await _factory.PrepareAsync(_customer, _store);

        model.LoadFailed.Should().BeTrue();
        _log.Entries.Should().ContainSingle();
    }
}
