using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Training;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;

namespace Nop.Plugin.Misc.Personalization.Tests.Serving;

/// <summary>
/// The serving rules on a hand-made store: twelve products in two categories, product 1 bought with 2..9.
/// </summary>
[TestFixture]
public class RecommendationServiceTests
{
    private static readonly DateTime _now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);

    private Dictionary<int, ServableProduct> _products;
    private ServingCatalog _catalog;
    private LiveActivity _live;
    private RecommenderHolder _holder;

    [SetUp]
    public void SetUp()
    {
        _products = Enumerable.Range(1, 12).ToDictionary(id => id, id => Product(id, category: id <= 6 ? 10 : 20));
        _catalog = new ServingCatalog();
        _catalog.Replace(_products);
        _live = new LiveActivity(new FakeTimeProvider(new DateTimeOffset(_now)));
        _holder = new RecommenderHolder();

        var interactions = new List<Interaction>();
        var order = 1;
        for (var customer = 1; customer <= 30; customer++)
        {
            var partner = 2 + customer % 8;
            interactions.Add(Purchase(customer, 1, order));
            interactions.Add(Purchase(customer, partner, order++));
        }

        var snapshot = EngineTrainer.Train(interactions, _products.Values.Select(p => p.ToFacts()).ToList(), new TrainingOptions { StoreId = 1 }, _now);
        _holder.Swap(1, 1, new Recommender(snapshot));
    }

    [Test]
    public void OnlyShowableProductsAreReturned()
    {
        Replace(2, p => p with { Published = false });
        Replace(3, p => p with { Deleted = true });
        Replace(4, p => p with { VisibleIndividually = false });
        Replace(5, p => p with { InStock = false });
        Replace(7, p => p with { AvailableFromUtc = _now.AddDays(1) });
        Replace(8, p => p with { AvailableToUtc = _now.AddDays(-1) });

        var picks = Ids(Service().Recommend(Request(PlacementStrategy.BoughtTogether, productId: 1, count: 12), _now));

        picks.Should().NotIntersectWith([1, 2, 3, 4, 5, 7, 8]);
        picks.Should().NotBeEmpty();
    }

    [Test]
    public void OutOfStockIsAllowedWhenStockIsNotRequired()
    {
        Replace(5, p => p with { InStock = false });

        var picks = Ids(Service(new ServingOptions { RequireStock = false, MaxPerCategory = 12 }).Recommend(Request(PlacementStrategy.BoughtTogether, productId: 1, count: 12), _now));

        picks.Should().Contain(5);
    }

    [Test]
    public void ProductsAboutToSellOutComeLastOrFirstAsTheOwnerChose()
    {
        var request = Request(PlacementStrategy.BoughtTogether, productId: 1, count: 4);
        var usual = Ids(Service(new ServingOptions { MaxPerCategory = 12 }).Recommend(request, _now));
        usual.Should().HaveCount(4);
        //the two products the placement shows first have two units left, the rest plenty or no managed stock
        Replace(usual[0], p => p with { StockLeft = 2 });
        Replace(usual[1], p => p with { StockLeft = 1 });
        foreach (var id in _products.Keys.Except([usual[0], usual[1]]))
            Replace(id, p => p with { StockLeft = id % 2 == 0 ? 50 : null });

        var lowered = Ids(Service(new ServingOptions { MaxPerCategory = 12, LowStockThreshold = 2 }).Recommend(request, _now));
        var promoted = Ids(Service(new ServingOptions { MaxPerCategory = 12, LowStockThreshold = 2, PromoteLowStock = true })
            .Recommend(request with { Count = 3 }, _now));
        var off = Ids(Service(new ServingOptions { MaxPerCategory = 12, LowStockThreshold = 0 }).Recommend(request, _now));

        lowered.Should().HaveCount(4).And.NotContain([usual[0], usual[1]], "the candidates with stock to spare fill the placement first");
        lowered.Should().Equal(usual.Skip(2).Concat(lowered.Skip(2)), "the others keep their order");
        promoted.Take(2).Should().Equal(usual[0], usual[1]);
        off.Should().Equal(usual);
    }

    [Test]
    public void CartItemsAreNeverRecommended()
    {
        var picks = Ids(Service().Recommend(Request(PlacementStrategy.BoughtTogether, productId: 1, count: 12) with { CartProductIds = [2, 3] }, _now));

        picks.Should().NotContain([2, 3]);
    }

    [Test]
    public void NoCategoryFillsMoreThanItsShare()
    {
        var picks = Service(new ServingOptions { MaxPerCategory = 2 }).Recommend(Request(PlacementStrategy.BoughtTogether, productId: 1, count: 8), _now);

        picks.GroupBy(p => _products[p.ProductId].CategoryIds[0]).Should().OnlyContain(group => group.Count() <= 2);
    }

    [Test]
    public void TooFewProductsHideThePlacement()
    {
        foreach (var id in Enumerable.Range(2, 11))
            Replace(id, p => p with { Published = false });

        Service().Recommend(Request(PlacementStrategy.BoughtTogether, productId: 1, count: 4), _now).Should().BeEmpty();
    }

    [Test]
    public void FallsBackToTrendingWhenTheProductHasNoNeighbours()
    {
        var picks = Service().Recommend(Request(PlacementStrategy.BoughtTogether, productId: 12, count: 4), _now);

        picks.Should().NotBeEmpty();
        picks.Should().OnlyContain(p => p.ProductId != 12);
        picks.Select(p => p.Source).Should().Contain(source => source == "trending" || source == "trending-in-category" || source == "similar");
    }

    [Test]
    public void AlreadyBoughtProductsAreNotOfferedAgain()
    {
        _live.Record(new Interaction(1, 500, 2, InteractionType.Purchase, _now.AddDays(-1), 1, 10, 77));

        var picks = Ids(Service().Recommend(Request(PlacementStrategy.BoughtTogether, productId: 1, count: 12, customerId: 500), _now));

        picks.Should().NotContain(2);
    }

    [Test]
    public void RecentlyViewedShowsTheLatestViewsFirstWithoutDuplicates()
    {
        foreach (var (id, hoursAgo) in new[] { (3, 5), (4, 4), (3, 3), (9, 2) })
            _live.Record(new Interaction(1, 600, id, InteractionType.View, _now.AddHours(-hoursAgo)));

        var picks = Ids(Service().Recommend(Request(PlacementStrategy.RecentlyViewed, count: 4, customerId: 600, productId: 9), _now));

        picks.Should().Equal(3, 4);
    }

    [Test]
    public void BuyAgainShowsOnlyTheShoppersOwnPurchasesMostBoughtFirstAndStillFiltersThem()
    {
        foreach (var (product, order, daysAgo) in new[] { (5, 80, 30), (5, 81, 20), (9, 82, 10), (11, 83, 5), (12, 84, 3) })
            _live.Record(new Interaction(1, 700, product, InteractionType.Purchase, _now.AddDays(-daysAgo), 1, 10, order));
        _live.Record(new Interaction(1, 700, 3, InteractionType.View, _now.AddHours(-1)));
        Replace(11, p => p with { Published = false });

        var picks = Service(new ServingOptions { MaxPerCategory = 12, MinimumCount = 1 })
            .Recommend(Request(PlacementStrategy.BuyAgain, count: 4, customerId: 700) with { CartProductIds = [12] }, _now);

        picks.Select(p => p.ProductId).Should().Equal(5, 9);
        picks.Should().OnlyContain(p => p.Source == "buy-again");
    }

    [Test]
    public void BuyAgainHidesForAShopperWhoBoughtNothingRatherThanShowingTrending()
    {
        _live.Record(new Interaction(1, 701, 3, InteractionType.View, _now.AddHours(-1)));

        Service(new ServingOptions { MinimumCount = 1 }).Recommend(Request(PlacementStrategy.BuyAgain, count: 4, customerId: 701), _now).Should().BeEmpty();
    }

    [Test]
    public void TrendingInCategoryShowsOnlyThatCategoryAndNoStoreWideFiller()
    {
        var picks = Service().Recommend(Request(PlacementStrategy.TrendingInCategory, count: 6) with { CategoryId = 20 }, _now);

        picks.Select(p => p.ProductId).Should().BeEquivalentTo([7, 8, 9], "only 7..9 of category 20 were bought");
        picks.Should().OnlyContain(p => p.Source == "trending-in-category");
    }

    [Test]
    public void TrendingInCategoryHidesWhenItsCategoryHasTooFewProducts()
    {
        Replace(8, p => p with { Published = false });
        Replace(9, p => p with { Published = false });

        Service().Recommend(Request(PlacementStrategy.TrendingInCategory, count: 4) with { CategoryId = 20 }, _now).Should().BeEmpty();
    }

    [Test]
    public void TrendingInCategoryHidesOnAPageWithoutACategory()
    {
        Service().Recommend(Request(PlacementStrategy.TrendingInCategory, count: 4), _now).Should().BeEmpty();
    }

    [Test]
    public void TrendingInCategoryLeavesOutAProductMovedToAnotherCategorySinceTraining()
    {
        Replace(7, p => p with { CategoryIds = [10] });

        var picks = Ids(Service(new ServingOptions { MinimumCount = 1 }).Recommend(Request(PlacementStrategy.TrendingInCategory, count: 4) with { CategoryId = 20 }, _now));

        picks.Should().BeEquivalentTo([8, 9]);
    }

    [Test]
    public void TrendingInCategoryIsNotCappedByTheDiversityRuleItCannotSatisfy()
    {
        var picks = Ids(Service(new ServingOptions { MaxPerCategory = 2 }).Recommend(Request(PlacementStrategy.TrendingInCategory, count: 5) with { CategoryId = 10 }, _now));

        picks.Should().HaveCount(5).And.OnlyContain(id => id <= 6);
    }

    [Test]
    public void ResultsAreDistinctAndRespectTheCount()
    {
        var picks = Service(new ServingOptions { MaxPerCategory = 12 }).Recommend(Request(PlacementStrategy.ForYou, count: 5, customerId: 1), _now);

        picks.Should().HaveCountLessThanOrEqualTo(5);
        picks.Select(p => p.ProductId).Should().OnlyHaveUniqueItems();
        picks.Should().OnlyContain(p => double.IsFinite(p.Score));
    }

    [Test]
    public void ANewProductBorrowsTheNeighboursThatShareItsRareAttribute()
    {
        //12 has no interactions; it shares option 500 (on 2 of 12 products) with 8, and only its category and price band with 9..11
        Replace(12, p => p with { Attributes = new ProductAttributes([500], [], []) });
        Replace(8, p => p with { Attributes = new ProductAttributes([500], [], []) });
        Replace(11, p => p with { Attributes = new ProductAttributes([501], [], []) });
        var options = new ServingOptions { MaxPerCategory = 12 };

        var style = Service(options).Recommend(Request(PlacementStrategy.SimilarStyle, productId: 12, count: 2), _now);
        var similar = Service(options).Recommend(Request(PlacementStrategy.Similar, productId: 12, count: 2), _now);

        style.Select(p => p.ProductId).First().Should().Be(8);
        style.First().Source.Should().Be("similar-style");
        similar.Select(p => p.ProductId).First().Should().Be(8, "a product nobody has viewed borrows its content neighbours");
        similar.First().Source.Should().Be("content");
    }

    private RecommendationService Service(ServingOptions options = null) =>
        new(_catalog, new CustomerHistory(_live), _holder, _live, options ?? new ServingOptions());

    private static RecommendationRequest Request(PlacementStrategy strategy, int productId = 0, int count = 4, int customerId = 999) =>
        new(strategy, 1, customerId, count, productId);

    private void Replace(int id, Func<ServableProduct, ServableProduct> change)
    {
        _products[id] = change(_products[id]);
        _catalog.Replace(_products);
    }

    private static List<int> Ids(IEnumerable<RecommendedProduct> picks) => picks.Select(p => p.ProductId).ToList();

    private static ServableProduct Product(int id, int category) =>
        new(id, true, false, true, true, null, null, false, false, [category], 0, 10m * id, _now.AddYears(-1));

    private static Interaction Purchase(int customer, int product, int order) =>
        new(1, customer, product, InteractionType.Purchase, _now.AddDays(-customer), 1, 10, order);
}

[TestFixture]
public class ServingOptionsTests
{
    [Test]
    public void TheOwnersSettingsDriveServing()
    {
        var settings = PersonalizationSettings.Defaults();
        settings.ShowOutOfStockProducts = true;
        settings.MinimumProductsPerPlacement = 4;
        settings.MaxProductsPerCategory = 1;

        var options = ServingOptions.From(settings);

        (options.RequireStock, options.MinimumCount, options.MaxPerCategory).Should().Be((false, 4, 1));
    }

    [Test]
    public void SettingsSavedBeforeTheseExistedFallBackToDefaults()
    {
        var options = ServingOptions.From(new PersonalizationSettings());

        (options.RequireStock, options.MinimumCount, options.MaxPerCategory).Should().Be((true, 2, 3));
    }
}
