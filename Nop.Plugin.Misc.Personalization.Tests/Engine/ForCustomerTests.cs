using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine;

[TestFixture]
public class ForCustomerTests
{
    // 1 and 2 are bought together by three customers; 3 and 4 by two; 9 is bought by many (trending) but with nothing else
    private static Recommender Build(ScoringOptions scoring = null, int minRepeatBuyers = 100)
    {
        var events = new EventsBuilder()
            .Order(1, 30, 1, 2).Order(2, 20, 1, 2).Order(3, 10, 1, 2)
            .Order(4, 30, 3, 4).Order(5, 20, 3, 4)
            .Order(6, 5, 9).Order(7, 4, 9).Order(8, 3, 9).Order(9, 2, 9);
        var options = new TrainingOptions
        {
            Similar = new NeighbourOptions { MinSupport = 2 },
            BoughtTogether = new NeighbourOptions { MinSupport = 2 },
            Sequential = new NeighbourOptions { MinSupport = 2 },
            MinRepeatBuyers = minRepeatBuyers,
            Scoring = scoring ?? new ScoringOptions()
        };
        return new Recommender(EngineTrainer.Train(events.Events, Array.Empty<ProductFacts>(), options, EventsBuilder.Now));
    }

    [Test]
    public void RecommendsNeighboursOfWhatTheCustomerBoughtWithReason()
    {
        var history = new[] { EventsBuilder.Purchase(50, 1, 3) };
        var result = Build().ForCustomer(history, EventsBuilder.Now, 3);
        result[0].ProductId.Should().Be(2);
        result[0].Reasons.Should().Contain(new Reason(ReasonKind.BecauseYouBought, 1));
        result.Select(r => r.ProductId).Should().NotContain(1, "bought products are excluded unless replenishable");
    }

    [Test]
    public void ViewedProductsGiveBecauseYouViewed()
    {
        var history = new[] { EventsBuilder.Viewed(50, 3, 0.001) };
        var result = Build().ForCustomer(history, EventsBuilder.Now, 2);
        result[0].ProductId.Should().Be(4);
        result[0].Reasons[0].Should().Be(new Reason(ReasonKind.BecauseYouViewed, 3));
    }

    [Test]
    public void RecentInterestOutweighsOldInterest()
    {
        var scoring = new ScoringOptions { HistoryHalfLifeDays = 7, PopularityWeight = 0 };
        var history = new[] { EventsBuilder.Viewed(50, 1, 60), EventsBuilder.Viewed(50, 3, 1) };
        var result = Build(scoring).ForCustomer(history, EventsBuilder.Now, 2);
        result.Select(r => r.ProductId).Should().StartWith(new[] { 4 });
    }

    [Test]
    public void SessionEventsAreBoosted()
    {
        var scoring = new ScoringOptions { HistoryHalfLifeDays = 1000, SessionMinutes = 30, SessionBoost = 10, PopularityWeight = 0 };
        // two old views of 1 against one view of 3 in the current session
        var history = new[] { EventsBuilder.Viewed(50, 1, 2), EventsBuilder.Viewed(50, 1, 2.5), EventsBuilder.Viewed(50, 3, 0.001) };
        var result = Build(scoring).ForCustomer(history, EventsBuilder.Now, 1);
        result[0].ProductId.Should().Be(4);
    }

    [Test]
    public void CartProductsAreNeverReturned()
    {
        var history = new[]
        {
            EventsBuilder.Viewed(50, 1, 1),
            new Interaction(1, 50, 2, InteractionType.AddToCart, EventsBuilder.Now.AddMinutes(-5))
        };
        var result = Build().ForCustomer(history, EventsBuilder.Now, 10);
        result.Select(r => r.ProductId).Should().NotContain(2);

        var explicitCart = Build().ForCustomer(new[] { EventsBuilder.Viewed(50, 1, 1) }, EventsBuilder.Now, 10, new RequestContext { CartProductIds = new[] { 2 } });
        explicitCart.Select(r => r.ProductId).Should().NotContain(2);
    }

    [Test]
    public void RemovedFromCartIsNoLongerInTheCart()
    {
        var history = new[]
        {
            EventsBuilder.Viewed(50, 1, 1),
            new Interaction(1, 50, 2, InteractionType.AddToCart, EventsBuilder.Now.AddMinutes(-5)),
            new Interaction(1, 50, 2, InteractionType.RemoveFromCart, EventsBuilder.Now.AddMinutes(-4))
        };
        Build().ForCustomer(history, EventsBuilder.Now, 10).Select(r => r.ProductId).Should().Contain(2);
    }

    [Test]
    public void PurchasedPolicies()
    {
        var history = new[] { EventsBuilder.Purchase(50, 1, 3), EventsBuilder.Purchase(50, 1, 40) };
        var recommender = Build();
        recommender.ForCustomer(history, EventsBuilder.Now, 10, new RequestContext { Purchased = PurchasedProducts.Exclude })
            .Select(r => r.ProductId).Should().NotContain(1);
        recommender.ForCustomer(history, EventsBuilder.Now, 10, new RequestContext { Purchased = PurchasedProducts.ExcludeUnlessReplenishable })
            .Select(r => r.ProductId).Should().NotContain(1);
        var included = recommender.ForCustomer(history, EventsBuilder.Now, 10, new RequestContext { Purchased = PurchasedProducts.Include });
        included.Single(r => r.ProductId == 1).Reasons.Should().Contain(new Reason(ReasonKind.BoughtBefore, 1));
    }

    [Test]
    public void ReplenishableProductsComeBackAsDueForReorder()
    {
        // with a low threshold product 1 is replenishable: customers 1..3 bought it, the customer buys it repeatedly
        var events = new EventsBuilder().Order(1, 60, 1).Order(1, 30, 1).Order(2, 50, 1).Order(2, 20, 1).Order(3, 40, 1, 2);
        var options = new TrainingOptions { MinRepeatBuyers = 2, MinRepeatRate = 0.5 };
        var recommender = new Recommender(EngineTrainer.Train(events.Events, Array.Empty<ProductFacts>(), options, EventsBuilder.Now));
        var history = new[] { EventsBuilder.Purchase(50, 1, 60), EventsBuilder.Purchase(50, 1, 30) };
        var result = recommender.ForCustomer(history, EventsBuilder.Now, 5);
        var due = result.Single(r => r.ProductId == 1);
        due.Reasons[0].Kind.Should().Be(ReasonKind.DueForReorder);
        due.Reasons[0].Value.Should().BeApproximately(30f, 1e-4f);
    }

    [Test]
    public void RepeatWeightRanksFrequentPurchasesFirstWhenIncluded()
    {
        var scoring = new ScoringOptions { RepeatWeight = 10, PopularityWeight = 0 };
        var history = new[] { EventsBuilder.Purchase(50, 3, 5, 1), EventsBuilder.Purchase(50, 3, 15, 2), EventsBuilder.Purchase(50, 1, 25, 3) };
        var result = Build(scoring).ForCustomer(history, EventsBuilder.Now, 3, new RequestContext { Purchased = PurchasedProducts.Include });
        result[0].ProductId.Should().Be(3);
        result[1].ProductId.Should().Be(1);
    }

    [Test]
    public void OnlyPurchasedGivesBackWhatTheCustomerBoughtInTheIncludedOrderAndNothingElse()
    {
        var scoring = new ScoringOptions { RepeatWeight = 10, PopularityWeight = 0.1 };
        var history = new[]
        {
            EventsBuilder.Purchase(50, 3, 5, 1), EventsBuilder.Purchase(50, 3, 15, 2), EventsBuilder.Purchase(50, 1, 25, 3),
            new Interaction(1, 50, 4, InteractionType.View, EventsBuilder.Now.AddDays(-1))
        };
        var recommender = Build(scoring);

        var only = recommender.ForCustomer(history, EventsBuilder.Now, 10, new RequestContext { Purchased = PurchasedProducts.Only });
        var included = recommender.ForCustomer(history, EventsBuilder.Now, 10, new RequestContext { Purchased = PurchasedProducts.Include });

        only.Select(r => r.ProductId).Should().Equal(3, 1);
        included.Select(r => r.ProductId).Where(id => id is 1 or 3).Should().Equal(only.Select(r => r.ProductId));
        included.Should().Contain(r => r.ProductId != 1 && r.ProductId != 3, "the included list also holds neighbours and trending");
        only.Should().OnlyContain(r => r.Reasons.Any(reason => reason.Kind == ReasonKind.BoughtBefore || reason.Kind == ReasonKind.DueForReorder));

        recommender.ForCustomer([], EventsBuilder.Now, 10, new RequestContext { Purchased = PurchasedProducts.Only })
            .Should().BeEmpty("a customer who bought nothing has nothing to buy again");
    }

    [Test]
    public void ExplicitExclusionsAreNeverReturned()
    {
        var history = new[] { EventsBuilder.Purchase(50, 1, 3) };
        var result = Build().ForCustomer(history, EventsBuilder.Now, 10, new RequestContext { ExcludedProductIds = new HashSet<int> { 2, 9 } });
        result.Select(r => r.ProductId).Should().NotContain(new[] { 2, 9 });
    }

    [Test]
    public void OrderDecayForgetsProductsTheCustomerStoppedBuying()
    {
        // 3 was bought three times long ago; after ten orders of other products, 1 was bought twice
        var history = new List<Interaction> { EventsBuilder.Purchase(50, 3, 100, 1), EventsBuilder.Purchase(50, 3, 95, 2), EventsBuilder.Purchase(50, 3, 90, 3) };
        for (var o = 0; o < 10; o++)
            history.Add(EventsBuilder.Purchase(50, 100 + o, 80 - o, 10 + o));
        history.Add(EventsBuilder.Purchase(50, 1, 1, 30));
        history.Add(EventsBuilder.Purchase(50, 1, 0.5, 31));
        var context = new RequestContext { Purchased = PurchasedProducts.Include };
        var plain = new ScoringOptions { RepeatWeight = 10, PopularityWeight = 0, RepeatHalfLifeDays = 10_000 };
        var byOrders = plain with { RepeatOrderHalfLife = 2 };
        Rank(Build(plain).ForCustomer(history.ToArray(), EventsBuilder.Now, 20, context), 3).Should().BeLessThan(Rank(Build(plain).ForCustomer(history.ToArray(), EventsBuilder.Now, 20, context), 1));
        Rank(Build(byOrders).ForCustomer(history.ToArray(), EventsBuilder.Now, 20, context), 1).Should().BeLessThan(Rank(Build(byOrders).ForCustomer(history.ToArray(), EventsBuilder.Now, 20, context), 3));
    }

    private static int Rank(IReadOnlyList<Recommendation> list, int productId)
    {
        for (var r = 0; r < list.Count; r++)
        {
            if (list[r].ProductId == productId)
                return r;
        }
        return int.MaxValue;
    }
}
