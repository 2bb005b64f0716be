using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Services.BackInStock;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;

namespace Nop.Plugin.Misc.Personalization.Tests.Serving;

/// <summary>
/// The "back in stock for you" placement from memory: products 1-4 are for sale, product 5 is sold out again.
/// </summary>
[TestFixture]
public class BackInStockServingTests
{
    private static readonly DateTime _now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private const int SHOPPER = 700;

    private ServingCatalog _catalog;
    private LiveActivity _live;
    private BackInStockOffers _offers;

    [SetUp]
    public void SetUp()
    {
        _catalog = new ServingCatalog();
        _catalog.Replace(Enumerable.Range(1, 5).ToDictionary(id => id,
            id => new ServableProduct(id, true, false, true, id != 5, null, null, false, false, [id], 0, 10m, _now.AddYears(-1))));
        _live = new LiveActivity(new FakeTimeProvider(new DateTimeOffset(_now)));
        _offers = new BackInStockOffers();
    }

    private IReadOnlyList<RecommendedProduct> Recommend(int customerId = SHOPPER, IReadOnlyList<int> cart = null, int productOnPage = 0) =>
        new RecommendationService(_catalog, new CustomerHistory(_live), new RecommenderHolder(), _live, new ServingOptions { MinimumCount = 2 }, _offers)
            .Recommend(new RecommendationRequest(PlacementStrategy.BackInStockForYou, 1, customerId, 4, productOnPage) with { CartProductIds = cart ?? [] }, _now);

    private void Offer(int productId, double score, double daysAgo, int days = 14) =>
        _offers.Add(1, SHOPPER, new LiveOffer(productId, score, _now.AddDays(-daysAgo), _now.AddDays(-daysAgo + days)));

    [Test]
    public void ShowsTheShoppersOffersWhatTheyAskedAboutFirstEvenASingleOneWithoutAModel()
    {
        Offer(2, 0.5, 1);
        Offer(3, 1, 2);

        var picks = Recommend();

        picks.Select(p => p.ProductId).Should().Equal(3, 2);
        picks.Should().OnlyContain(p => p.Source == "back-in-stock" && p.Reasons.Single().Kind == ReasonKind.BackInStock);

        _offers.Replace([(1, SHOPPER, new LiveOffer(2, 0.5, _now.AddDays(-1), _now.AddDays(13)))]);
        Recommend().Select(p => p.ProductId).Should().Equal([2], "an offer of one product is shown despite the placement minimum of 2");
    }

    [Test]
    public void AnOfferEndsWhenItsDaysRunOutOrTheShopperLooksAtOrBuysTheProductAfterIt()
    {
        Offer(1, 0.9, 15);
        Offer(2, 0.8, 3);
        Offer(3, 0.7, 3);
        Offer(4, 0.6, 3);
        _live.Record(new Interaction(1, SHOPPER, 2, InteractionType.View, _now.AddDays(-1)));
        _live.Record(new Interaction(1, SHOPPER, 3, InteractionType.Purchase, _now.AddDays(-2), 1, 10, 900));
        _live.Record(new Interaction(1, SHOPPER, 4, InteractionType.View, _now.AddDays(-5)));

        Recommend().Select(p => p.ProductId).Should().Equal([4], "1 expired, 2 was viewed and 3 bought since the offer; 4 was viewed before it");
    }

    [Test]
    public void LeavesOutWhatIsSoldOutAgainInTheCartOnThePageShownAboveOrOfferedToSomeoneElse()
    {
        Offer(5, 1, 1);
        Offer(2, 1, 1);
        Offer(3, 1, 1);
        _offers.Add(1, 701, new LiveOffer(4, 1, _now.AddDays(-1), _now.AddDays(5)));

        Recommend(cart: [2], productOnPage: 3).Should().BeEmpty();
        new RecommendationService(_catalog, new CustomerHistory(_live), new RecommenderHolder(), _live, new ServingOptions(), _offers)
            .Recommend(new RecommendationRequest(PlacementStrategy.BackInStockForYou, 1, SHOPPER, 4, 0) with { CartProductIds = [], AlreadyShown = [2, 3] }, _now)
            .Should().BeEmpty("an earlier placement on the page shows them");
        Recommend(customerId: 0).Should().BeEmpty();
        Recommend(customerId: 701).Select(p => p.ProductId).Should().Equal(4);
    }

    [Test]
    public void ANewerOfferOfTheSameProductReplacesTheOlderAndErasureForgetsThem()
    {
        Offer(2, 0.2, 10, days: 11);
        Offer(2, 0.9, 0);

        _offers.For(1, SHOPPER).Should().ContainSingle().Which.Score.Should().Be(0.9);

        _offers.Forget(SHOPPER);
        _offers.For(1, SHOPPER).Should().BeEmpty();
    }
}
