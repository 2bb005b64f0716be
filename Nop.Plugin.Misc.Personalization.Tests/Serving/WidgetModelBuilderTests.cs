using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Components;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Training;
using Nop.Plugin.Misc.Personalization.Services.AfterPage;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.BackInStock;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.ProductBoxes;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Plugin.Misc.Personalization.Services.Targeting;
using Nop.Services.Customers;
using Nop.Services.Security;
using Nop.Services.Stores;
using Nop.Web.Factories;
using Nop.Web.Framework.Mvc.Routing;
using Nop.Web.Models.Catalog;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Serving;

[TestFixture]
public partial class WidgetModelBuilderTests
{
    private static readonly DateTime _now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);
    private const string ZONE = "productdetails_bottom";

    private readonly Customer _customer = new() { Id = 42, CustomerGuid = Guid.NewGuid() };
    private Mock<IAclService> _acl;
    private Mock<ICustomerService> _customers;
    private SegmentMembership _membership;
    private Mock<IHoldout> _holdout;
    private Mock<IPlacementTracking> _tracking;
    private Mock<IRepository<Product>> _products;
    private Mock<IProductModelFactory> _modelFactory;
    private PlacementCatalog _placements;
    private PersonalizationSettings _settings;
    private WidgetModelBuilder _builder;
    private AfterPageTokens _tokens;
    //one builder serves one request
    private Func<WidgetModelBuilder> _newBuilder;
    private int _unpublishedSinceLoad;
    private Mock<IWorkContext> _workContext;
    private BackInStockOffers _backInStockOffers;

    [SetUp]
    public void SetUp()
    {
        var servable = Enumerable.Range(1, 8).ToDictionary(id => id, id => new ServableProduct(id, true, false, true, true, null, null, id == 3, false, [id], 0, 10, _now.AddYears(-1)));
        var catalog = new ServingCatalog();
        catalog.Replace(servable);
        var interactions = Enumerable.Range(1, 20).SelectMany(c => new[]
        {
            new Interaction(1, c, 1, InteractionType.Purchase, _now.AddDays(-c), 1, 10, c),
            new Interaction(1, c, 2 + c % 7, InteractionType.Purchase, _now.AddDays(-c), 1, 10, c)
        });
        var holder = new RecommenderHolder();
        holder.Swap(1, 1, new Recommender(EngineTrainer.Train(interactions, servable.Values.Select(p => p.ToFacts()).ToList(), new TrainingOptions { StoreId = 1 }, _now)));
        var live = new LiveActivity(new FakeTimeProvider(new DateTimeOffset(_now)));

        _placements = new PlacementCatalog();
        _placements.Replace([new PlacementDefinition(7, 0, ZONE, nameof(PlacementStrategy.BoughtTogether), "Bought together", 4, 0, 0)]);
        _acl = new Mock<IAclService>();
        _customers = new Mock<ICustomerService>();
        _customers.Setup(c => c.IsRegisteredAsync(_customer, true)).ReturnsAsync(true);
        _membership = new SegmentMembership();
        _holdout = new Mock<IHoldout>();
        _tracking = new Mock<IPlacementTracking>();
        _tracking.Setup(t => t.PrepareClickTrackingAsync(_customer, 7, It.IsAny<IReadOnlyList<int>>())).ReturnsAsync(new ClickTrackingModel(7, "token", "/personalization/track/click"));
        _products = new Mock<IRepository<Product>>();
        _products.Setup(r => r.GetByIdsAsync(It.IsAny<IList<int>>(), It.IsAny<Func<ICacheKeyService, CacheKey>>(), false))
            .ReturnsAsync((IList<int> ids, Func<ICacheKeyService, CacheKey> _, bool _) => ids.Select(id => new Product { Id = id, SubjectToAcl = id == 3, Published = id != _unpublishedSinceLoad, VisibleIndividually = true }).ToList());
        _modelFactory = new Mock<IProductModelFactory>();
        _modelFactory.Setup(f => f.PrepareProductOverviewModelsAsync(It.IsAny<IEnumerable<Product>>(), true, true, null, false, false))
            .ReturnsAsync((IEnumerable<Product> products, bool _, bool _, int? _, bool _, bool _) => products.Select(p => new ProductOverviewModel { Id = p.Id }).ToList());
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = 1 });
        var workContext = _workContext = new Mock<IWorkContext>();
        workContext.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(_customer);
        _settings = PersonalizationSettings.Defaults();

        var time = new FakeTimeProvider(new DateTimeOffset(_now));
        _tokens = new AfterPageTokens(_settings, time);
        var urls = new Mock<INopUrlHelper>();
        urls.Setup(u => u.RouteUrl(PersonalizationDefaults.AfterPageRouteName, null, null, null, null)).Returns("/personalization/placements");
        var boxCache = new ProductBoxCache(time);
        _backInStockOffers = new BackInStockOffers();
        _newBuilder = () => new WidgetModelBuilder(_tokens, _holdout.Object, live, urls.Object, _placements, new PlacementTargeting(_customers.Object, _membership), _tracking.Object,
            new ProductBoxPreparer(boxCache, _modelFactory.Object, _settings, workContext.Object),
            new RecommendationService(catalog, new CustomerHistory(live), holder, live, PersonalizationSettings.Defaults(), _backInStockOffers), _settings,
            new ShowableProducts(_acl.Object, catalog, _products.Object, _settings, Mock.Of<IStoreMappingService>(), time), storeContext.Object,
            time, workContext.Object);
        _builder = _newBuilder();
    }

    [Test]
    public async Task APlacementRendersTheRecommendedProductsWithTracking()
    {
        var model = await _builder.BuildAsync(ZONE, new ProductDetailsModel { Id = 1 });

        var block = model.Blocks.Should().ContainSingle().Subject;
        block.PlacementId.Should().Be(7);
        block.Title.Should().Be("Bought together");
        block.Products.Select(p => p.Id).Should().NotBeEmpty().And.NotContain(1);
        block.Tracking.Should().NotBeNull();
        _tracking.Verify(t => t.RecordImpressionAsync(_customer, 1, 7, It.Is<IReadOnlyList<int>>(ids => ids.SequenceEqual(block.Products.Select(p => p.Id)))), Times.Once);
    }

    [Test]
    public async Task TheTitleIsShownInTheWorkingLanguageWhenTheOwnerTranslatedItAndTheStandardOneOtherwise()
    {
        _placements.Replace([new PlacementDefinition(7, 0, ZONE, nameof(PlacementStrategy.BoughtTogether), "Bought together", 4, 0, 0,
            LocalizedTitles: new Dictionary<int, string> { [2] = "Oft zusammen gekauft" })]);

        _workContext.Setup(w => w.GetWorkingLanguageAsync()).ReturnsAsync(new Nop.Core.Domain.Localization.Language { Id = 2 });
        (await _newBuilder().BuildAsync(ZONE, new ProductDetailsModel { Id = 1 })).Blocks.Single().Title.Should().Be("Oft zusammen gekauft");

        _workContext.Setup(w => w.GetWorkingLanguageAsync()).ReturnsAsync(new Nop.Core.Domain.Localization.Language { Id = 3 });
        (await _newBuilder().BuildAsync(ZONE, new ProductDetailsModel { Id = 1 })).Blocks.Single().Title.Should().Be("Bought together");
    }

    [Test]
    public async Task ProductsTheCustomerMayNotSeeAreLeftOut()
    {
        _acl.Setup(a => a.AuthorizeAsync(It.Is<Product>(p => p.Id == 3), _customer)).ReturnsAsync(false);

        var model = await _builder.BuildAsync(ZONE, new ProductDetailsModel { Id = 1 });

        model.Blocks.SelectMany(b => b.Products).Select(p => p.Id).Should().NotContain(3);
    }

    [Test]
    public async Task AProductUnpublishedSinceTheCatalogLoadIsNotShown()
    {
        var before = (await _builder.BuildAsync(ZONE, new ProductDetailsModel { Id = 1 })).Blocks.Single().Products.Select(p => p.Id).ToList();
        _unpublishedSinceLoad = before[0];

        var after = await _builder.BuildAsync(ZONE, new ProductDetailsModel { Id = 1 });

        after.Blocks.SelectMany(b => b.Products).Select(p => p.Id).Should().NotContain(before[0]);
    }

    [Test]
    public async Task TheCartPagesCartIsNeverRecommended()
    {
        _placements.Replace([new PlacementDefinition(8, 0, "order_summary_content_after", nameof(PlacementStrategy.CartCrossSell), "With your cart", 4, 0, 0)]);
        var cart = new Nop.Web.Models.ShoppingCart.ShoppingCartModel
        {
            Items = [new() { ProductId = 1 }, new() { ProductId = 2 }]
        };

        var model = await _builder.BuildAsync("order_summary_content_after", cart);

        var shown = model.Blocks.SelectMany(b => b.Products).Select(p => p.Id).ToList();
        shown.Should().NotBeEmpty();
        shown.Should().NotContain([1, 2]);
    }

    [Test]
    public async Task TheNoResultsPlacementShowsPicksOnlyWhenTheSearchFoundNothing()
    {
        const string zone = "productsearch_page_after_results";
        _placements.Replace([new PlacementDefinition(11, 0, zone, nameof(PlacementStrategy.SearchNoResults), "You may like these", 4, 0, 0)]);
        Nop.Web.Models.Catalog.SearchModel Searched(int found) => new()
        {
            q = "lamp",
            CatalogProductsModel = new Nop.Web.Models.Catalog.CatalogProductsModel
            {
                TotalItems = found,
                Products = Enumerable.Range(1, found).Select(id => new Nop.Web.Models.Catalog.ProductOverviewModel { Id = id }).ToList()
            }
        };

        var empty = await _newBuilder().BuildAsync(zone, Searched(0));
        var found = await _newBuilder().BuildAsync(zone, Searched(2));

        empty.Blocks.Should().ContainSingle().Which.Products.Should().NotBeEmpty();
        found.Blocks.Should().BeEmpty();
        _tracking.Verify(t => t.RecordHiddenAsync(It.IsAny<Nop.Core.Domain.Customers.Customer>(), It.IsAny<int>(), 11), Times.Never,
            "a search with results is not a render hidden for too few products");
    }

    [Test]
    public async Task TwoPlacementsOnOnePageDoNotRepeatEachOther()
    {
        _placements.Replace(
        [
            new PlacementDefinition(7, 0, ZONE, nameof(PlacementStrategy.BoughtTogether), "Bought together", 2, 0, 0),
            new PlacementDefinition(9, 0, "productdetails_before_collateral", nameof(PlacementStrategy.Trending), "Popular", 2, 0, 0)
        ]);

        var first = await _builder.BuildAsync(ZONE, new ProductDetailsModel { Id = 1 });
        var second = await _builder.BuildAsync("productdetails_before_collateral", new ProductDetailsModel { Id = 1 });

        var firstIds = first.Blocks.Single().Products.Select(p => p.Id).ToList();
        var secondIds = second.Blocks.Single().Products.Select(p => p.Id).ToList();
        secondIds.Should().NotIntersectWith(firstIds);
    }

    [Test]
    public async Task HeldOutCustomersSeeNothing()
    {
        _holdout.Setup(h => h.IsHeldOutAsync(_customer)).ReturnsAsync(true);

        (await _builder.BuildAsync(ZONE, new ProductDetailsModel { Id = 1 })).Blocks.Should().BeEmpty();
        _tracking.Verify(t => t.RecordImpressionAsync(It.IsAny<Customer>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<IReadOnlyList<int>>()), Times.Never);
    }

    [Test]
    public async Task TheZoneIsCountedAsRenderedForEveryVisitorHeldOutOrNot()
    {
        await _builder.BuildAsync(ZONE, new ProductDetailsModel { Id = 1 });
        _holdout.Setup(h => h.IsHeldOutAsync(_customer)).ReturnsAsync(true);
        await _newBuilder().BuildAsync(ZONE, new ProductDetailsModel { Id = 1 });

        _tracking.Verify(t => t.RecordZoneRendered(1, It.Is<IEnumerable<int>>(ids => ids.SequenceEqual(new[] { 7 }))), Times.Exactly(2));
        _tracking.Verify(t => t.RecordHiddenAsync(It.IsAny<Customer>(), It.IsAny<int>(), It.IsAny<int>()), Times.Never);
    }

    [Test]
    public async Task ABackInStockPlacementShowsASingleOfferedProductWhateverTheMinimum()
    {
        _placements.Replace([new PlacementDefinition(7, 0, ZONE, nameof(PlacementStrategy.BackInStockForYou), "Back in stock for you", 4, 0, 0)]);
        _backInStockOffers.Add(1, _customer.Id, new LiveOffer(5, 1, _now.AddHours(-1), _now.AddDays(13)));
        _settings.MinimumProductsPerPlacement.Should().BeGreaterThan(1, "the minimum is above one product by default");

        var blocks = (await _newBuilder().BuildAsync(ZONE, new ProductDetailsModel { Id = 1 })).Blocks;

        blocks.Should().ContainSingle().Which.Products.Select(product => product.Id).Should().Equal(5);
    }

    [Test]
    public async Task APlacementHiddenForTooFewProductsIsCountedAsHidden()
    {
        _settings.MinimumProductsPerPlacement = 24;

        (await _newBuilder().BuildAsync(ZONE, new ProductDetailsModel { Id = 1 })).Blocks.Should().BeEmpty();

        _tracking.Verify(t => t.RecordHiddenAsync(_customer, 1, 7), Times.Once);
        _tracking.Verify(t => t.RecordImpressionAsync(It.IsAny<Customer>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<IReadOnlyList<int>>()), Times.Never);
    }

    [Test]
    public async Task ZonesWithoutPlacementsAndADisabledPluginShowNothing()
    {
        (await _builder.BuildAsync("home_page_top", null)).Blocks.Should().BeEmpty();

        _settings.Enabled = false;
        (await _builder.BuildAsync(ZONE, new ProductDetailsModel { Id = 1 })).Blocks.Should().BeEmpty();
    }

    [Test]
    public async Task AFailingDatabaseRendersAnEmptyWidgetInsteadOfBreakingThePage()
    {
        _products.Setup(r => r.GetByIdsAsync(It.IsAny<IList<int>>(), It.IsAny<Func<ICacheKeyService, CacheKey>>(), false))
            .ThrowsAsync(new InvalidOperationException("database down"));
        var component = new PersonalizationWidgetViewComponent(new RecordingShopLog(), _builder);

        var result = await component.InvokeAsync(ZONE, new ProductDetailsModel { Id = 1 });

        result.Should().BeOfType<ContentViewComponentResult>().Which.Content.Should().BeEmpty();
    }

    private const int SEGMENT = 5;

    private void TargetTheSegment() =>
        _placements.Replace([new PlacementDefinition(7, 0, ZONE, nameof(PlacementStrategy.BoughtTogether), "For our regulars", 4, SEGMENT, 0)]);

    private void LoadMembers(params (int StoreId, int CustomerId, string SegmentIds)[] rows)
    {
        var builder = new SegmentMembershipBuilder();
        foreach (var (storeId, customerId, segmentIds) in rows)
            builder.Add(storeId, customerId, segmentIds);
        _membership.Replace(builder.Build());
    }

    private async Task<IReadOnlyList<int>> ShownPlacementsAsync() =>
        (await _builder.BuildAsync(ZONE, new ProductDetailsModel { Id = 1 })).Blocks.Select(block => block.PlacementId).ToList();

    [Test]
    public async Task ATargetedPlacementShowsToARegisteredMemberOfItsSegmentInTheStore()
    {
        TargetTheSegment();
        LoadMembers((1, _customer.Id, $"2,{SEGMENT}"));

        (await ShownPlacementsAsync()).Should().Equal(7);
        _tracking.Verify(t => t.RecordImpressionAsync(_customer, 1, 7, It.IsAny<IReadOnlyList<int>>()), Times.Once);
    }

    [Test]
    public async Task ATargetedPlacementHidesFromCustomersInOtherSegmentsOrNone()
    {
        TargetTheSegment();
        LoadMembers((1, _customer.Id, "2,6"), (1, _customer.Id + 1, $"{SEGMENT}"));

        (await ShownPlacementsAsync()).Should().BeEmpty();
        _tracking.Verify(t => t.RecordImpressionAsync(It.IsAny<Customer>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<IReadOnlyList<int>>()), Times.Never);
    }

    [Test]
    public async Task ATargetedPlacementHidesFromAMemberOfTheSegmentInAnotherStore()
    {
        TargetTheSegment();
        LoadMembers((2, _customer.Id, $"{SEGMENT}"));

        (await ShownPlacementsAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task GuestsAreInNoSegmentEvenWithAStoredProfile()
    {
        TargetTheSegment();
        LoadMembers((1, _customer.Id, $"{SEGMENT}"));
        _customers.Setup(c => c.IsRegisteredAsync(_customer, true)).ReturnsAsync(false);

        (await ShownPlacementsAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task BeforeTheMembershipsAreLoadedTargetedPlacementsHideAndOthersShow()
    {
        _placements.Replace(
        [
            new PlacementDefinition(7, 0, ZONE, nameof(PlacementStrategy.BoughtTogether), "For our regulars", 2, SEGMENT, 0),
            new PlacementDefinition(9, 0, ZONE, nameof(PlacementStrategy.Trending), "Popular", 2, 0, 1)
        ]);

        _membership.IsLoaded.Should().BeFalse();
        (await ShownPlacementsAsync()).Should().Equal(9);
        _customers.Verify(c => c.IsRegisteredAsync(It.IsAny<Customer>(), It.IsAny<bool>()), Times.Never, "non-members cost no role lookup");
    }

    [Test]
    public async Task UntargetedPlacementsShowToEveryoneWhateverTheirSegments()
    {
        LoadMembers((1, _customer.Id + 1, $"{SEGMENT}"));
        _customers.Setup(c => c.IsRegisteredAsync(_customer, true)).ReturnsAsync(false);

        (await ShownPlacementsAsync()).Should().Equal(7);
    }

    [Test]
    public async Task HeldOutMembersStillSeeNothing()
    {
        TargetTheSegment();
        LoadMembers((1, _customer.Id, $"{SEGMENT}"));
        _holdout.Setup(h => h.IsHeldOutAsync(_customer)).ReturnsAsync(true);

        (await ShownPlacementsAsync()).Should().BeEmpty();
        _tracking.Verify(t => t.RecordImpressionAsync(It.IsAny<Customer>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<IReadOnlyList<int>>()), Times.Never);
    }
}
