using Microsoft.Extensions.Time.Testing;
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
/// The "you may need next" placement on a hand-made store: buyers of product 1 buy product 2 about 10 days later and
/// product 3 about 20 days later, in other orders; products 4-6 are bought with nothing after them.
/// </summary>
[TestFixture]
public class YouMayNeedNextServingTests
{
    private static readonly DateTime _now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);
    private const int SHOPPER = 700;

    private Dictionary<int, ServableProduct> _products;
    private ServingCatalog _catalog;
    private LiveActivity _live;
    private RecommenderHolder _holder;

    [SetUp]
    public void SetUp()
    {
        _products = Enumerable.Range(1, 6).ToDictionary(id => id, id => new ServableProduct(id, true, false, true, true, null, null, false, false, [id], 0, 10m, _now.AddYears(-1)));
        _catalog = new ServingCatalog();
        _catalog.Replace(_products);
        _live = new LiveActivity(new FakeTimeProvider(new DateTimeOffset(_now)));
        _holder = new RecommenderHolder();

        var interactions = new List<Interaction>();
        var order = 1;
        for (var customer = 1; customer <= 20; customer++)
        {
            var start = _now.AddDays(-200 + customer);
            interactions.Add(new Interaction(1, customer, 1, InteractionType.Purchase, start, 1, 10, order++));
            interactions.Add(new Interaction(1, customer, 2, InteractionType.Purchase, start.AddDays(10), 1, 10, order++));
            if (customer % 2 == 0)
                interactions.Add(new Interaction(1, customer, 3, InteractionType.Purchase, start.AddDays(20), 1, 10, order++));
            interactions.Add(new Interaction(1, customer, 4 + customer % 3, InteractionType.Purchase, start.AddDays(100), 1, 10, order++));
        }

        var options = new TrainingOptions { StoreId = 1, Sequential = new NeighbourOptions { Measure = SimilarityMeasure.Conditional, MinSupport = 2 } };
        _holder.Swap(1, 1, new Recommender(EngineTrainer.Train(interactions, _products.Values.Select(p => p.ToFacts()).ToList(), options, _now)));
    }

    private RecommendationService Service() =>
        new(_catalog, new CustomerHistory(_live), _holder, _live, new ServingOptions { MinimumCount = 1, MaxPerCategory = 6 });

    private IReadOnlyList<RecommendedProduct> Recommend(int customerId = SHOPPER, IReadOnlyList<int> cart = null) =>
        Service().Recommend(new RecommendationRequest(PlacementStrategy.YouMayNeedNext, 1, customerId, 4, 0) with { CartProductIds = cart ?? [] }, _now);

    private void Bought(int product, double daysAgo, int order) =>
        _live.Record(new Interaction(1, SHOPPER, product, InteractionType.Purchase, _now.AddDays(-daysAgo), 1, 10, order));

    [Test]
    public void ShowsWhatUsuallyFollowsARecentPurchaseMostLikelyFirstWithTheReason()
    {
        Bought(1, 3, 900);

        var picks = Recommend();

        picks.Select(p => p.ProductId).Should().Equal(2, 3);
        picks.Should().OnlyContain(p => p.Source == "you-may-need-next");
        picks[0].Reasons[0].Should().Be(new Reason(ReasonKind.BoughtAfter, 1, 0, 0, 10f));
    }

    [Test]
    public void LeavesOutWhatIsInTheCartAndWhatFollowedAlready()
    {
        Bought(1, 3, 900);
        Bought(3, 1, 901);

        Recommend(cart: [2]).Should().BeEmpty();
    }

    [Test]
    public void HidesForAShopperWithoutARecentPurchaseRatherThanShowingFiller()
    {
        Bought(1, 90, 900);
        Recommend().Should().BeEmpty("a 10-day and a 20-day lag give windows of 20 and 40 days, long over");

        Recommend(customerId: 0).Should().BeEmpty();
    }

    [Test]
    public void YouMayNeedNextFitsTheHomeAndAccountPages()
    {
        PlacementZones.Fits(PlacementStrategy.YouMayNeedNext, "home_page_top").Should().BeTrue();
        PlacementZones.Fits(PlacementStrategy.YouMayNeedNext, "customer_info_bottom").Should().BeTrue();
        PlacementZones.PageOf("customer_orders_top").Should().Be(PlacementPage.Account);
    }
}
