using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Engagement;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Engine.Insights;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Lifetime;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Engine.Replenishment;
using Nop.Plugin.Misc.Personalization.Engine.Segments;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Insights;

[TestFixture]
public class CustomerInsightsBuilderTests
{
    private static readonly DateTime _day0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime _now = _day0.AddDays(100);

    private static readonly ProductFacts[] _products =
    [
        new(1, [10], 3, 5m, true, true, _day0),
        new(2, [20], 0, 50m, true, true, _day0)
    ];

    private static readonly SegmentDefinition[] _segments =
    [
        new(7, "Ordered", SegmentRule.Parse("orders >= 1")),
        new(9, "Never ordered", SegmentRule.Parse("orders = 0"))
    ];

    private static Interaction Buy(int customer, int product, int day, int store = 1) =>
        new(store, customer, product, InteractionType.Purchase, _day0.AddDays(day).AddHours(10), 1, 5m, store * 100_000 + customer * 1000 + day);

    private static Interaction View(int customer, int product, int day, int store = 1) =>
        new(store, customer, product, InteractionType.View, _day0.AddDays(day).AddHours(12));

    private static InsightsOptions Options(int minInteractions = 3, double horizonDays = 60, LifetimeOptions lifetime = null) => new()
    {
        Lifetime = lifetime ?? new LifetimeOptions(),
        MinInteractionsWithoutOrder = minInteractions,
        PredictionHorizonDays = horizonDays,
        Replenishment = new ReplenishmentOptions { MinRepeatCustomers = 3, WindowTolerance = 0.25 },
        Segments = new SegmentOptions { MinimumMembers = 2, MinimumShare = 0 }
    };

    /// <summary>
    /// Customers 1-3 re-buy product 1 every 30 days, last on day 80 (due about day 110: within the horizon).
    /// Customer 4 re-bought it every 30 days long ago (due about day 60: more than a quarter cycle overdue).
    /// Customer 5 viewed three times, customer 6 twice; customer 7 bought once in store 2; one purchase lies in the future.
    /// </summary>
    private static List<Interaction> Shop()
    {
        var events = new List<Interaction>();
        foreach (var customer in new[] { 1, 2, 3 })
            events.AddRange([Buy(customer, 1, 20), Buy(customer, 1, 50), Buy(customer, 1, 80)]);
        events.AddRange([Buy(4, 1, 0), Buy(4, 1, 30)]);
        events.AddRange([View(5, 1, 90), View(5, 2, 91), View(5, 2, 92)]);
        events.AddRange([View(6, 1, 90), View(6, 2, 91)]);
        events.Add(Buy(7, 2, 95, store: 2));
        events.Add(Buy(8, 2, 101));
        return events;
    }

    [Test]
    public void ProfilesAreKeptForCustomersWhoOrderedOrInteractedEnoughPerStore()
    {
        var insights = CustomerInsightsBuilder.Build(Shop(), _products, _segments, _now, Options());

        insights.Select(store => store.StoreId).Should().Equal(1, 2);
        insights[0].Profiles.Select(p => p.Profile.CustomerId).Should().Equal(1, 2, 3, 4, 5);
        insights[1].Profiles.Select(p => p.Profile.CustomerId).Should().Equal(7);
        var customer1 = insights[0].Profiles[0].Profile;
        (customer1.Orders, customer1.TotalSpent, customer1.LastOrderUtc, customer1.MedianGapDays)
            .Should().Be((3, 15m, _day0.AddDays(80).AddHours(10), 30.0));
    }

    [Test]
    public void EveryProfileCarriesItsSegmentsAndEachStoreCountsThem()
    {
        var insights = CustomerInsightsBuilder.Build(Shop(), _products, _segments, _now, Options());

        insights[0].Profiles.Select(p => string.Join(",", p.SegmentIds)).Should().Equal("7", "7", "7", "7", "9");
        insights[0].SegmentSizes.Select(size => (size.SegmentId, size.Members, size.Warning == null)).Should().Equal((7, 4, true), (9, 1, false));
        insights[1].SegmentSizes.Select(size => (size.SegmentId, size.Members)).Should().Equal((7, 1), (9, 0));
    }

    [Test]
    public void OnlyPredictionsDueWithinTheHorizonOrALittleOverdueAreKept()
    {
        var insights = CustomerInsightsBuilder.Build(Shop(), _products, _segments, _now, Options());

        var predictions = insights[0].Predictions;
        predictions.Select(p => (p.CustomerId, p.ProductId)).Should().Equal((1, 1), (2, 1), (3, 1));
        predictions.Should().OnlyContain(p => p.DueUtc > _now && p.DueUtc <= _now.AddDays(60));
        insights[1].Predictions.Should().BeEmpty();

        CustomerInsightsBuilder.Build(Shop(), _products, _segments, _now, Options(horizonDays: 5))[0].Predictions
            .Should().BeEmpty("they are due about ten days from now");
    }

    [Test]
    public void TheInteractionThresholdDecidesForCustomersWithoutOrders()
    {
        var insights = CustomerInsightsBuilder.Build(Shop(), _products, _segments, _now, Options(minInteractions: 2));

        insights[0].Profiles.Select(p => p.Profile.CustomerId).Should().Equal(1, 2, 3, 4, 5, 6);
        insights[0].Profiles[4].Profile.Lifecycle.Should().Be(LifecycleStage.None);
    }

    [Test]
    public void TheSameInputGivesTheSameInsightsWhateverTheOrderOfEvents()
    {
        var events = Shop();
        var first = CustomerInsightsBuilder.Build(events, _products, _segments, _now, Options());
        events.Reverse();
        var second = CustomerInsightsBuilder.Build(events, _products, _segments, _now, Options());

        second.Should().BeEquivalentTo(first, options => options.WithStrictOrdering());
    }

    [Test]
    public void NoInteractionsGiveNoStores()
    {
        CustomerInsightsBuilder.Build([], _products, _segments, _now, Options()).Should().BeEmpty();
    }

    [Test]
    public void ProfilesCarryThePredictedLifetimeWhereTheStoreHasTheHistory()
    {
        var interactions = new List<Interaction>();
        //store 1: 30 buyers, every third one a weekly buyer still buying, every third one a weekly buyer who stopped at day 30
        for (var customer = 1; customer <= 30; customer++)
        {
            interactions.Add(Buy(customer, 1, customer % 10));
            if (customer % 3 == 0)
                interactions.AddRange(Enumerable.Range(1, 13).Select(week => Buy(customer, 1, customer % 10 + 7 * week)));
            if (customer % 3 == 1)
                interactions.AddRange(Enumerable.Range(1, 4).Select(week => Buy(customer, 2, customer % 10 + 7 * week)));
        }

        //store 2: too few buyers to fit; customer 99 only browses
        interactions.AddRange([Buy(1, 1, 5, store: 2), Buy(1, 1, 50, store: 2), Buy(2, 1, 60, store: 2)]);
        interactions.AddRange(Enumerable.Range(0, 3).Select(day => View(99, 1, day, store: 2)));
        var options = Options(lifetime: new LifetimeOptions { MinCustomers = 20, MinRepeatCustomers = 5 });

        var stores = CustomerInsightsBuilder.Build(interactions, _products, _segments, _now, options);

        var store1 = stores.Single(store => store.StoreId == 1).Profiles.ToDictionary(p => p.Profile.CustomerId, p => p.Profile);
        store1.Values.Should().OnlyContain(p => p.ProbabilityAlive > 0 && p.ProbabilityAlive <= 1 && p.ExpectedPurchases >= 0);
        store1[2].ProbabilityAlive.Should().Be(1, "a customer without a repeat purchase has not shown drop-out");
        store1[3].ProbabilityAlive.Should().BeGreaterThan(store1[1].ProbabilityAlive!.Value, "the weekly buyer still buys, the other stopped two months ago");
        store1[3].ExpectedPurchases.Should().BeGreaterThan(store1[1].ExpectedPurchases!.Value);
        stores.Single(store => store.StoreId == 2).Profiles.Should().OnlyContain(p => p.Profile.ProbabilityAlive == null && p.Profile.ExpectedPurchases == null);
    }

    [Test]
    public void ProfilesCarryEmailEngagementAndAnEmailClickerWithoutOtherActivityGetsAProfile()
    {
        var segments = new[] { new SegmentDefinition(3, "Clicked an e-mail", SegmentRule.Parse("email_clicks_90d >= 1")) };
        EmailActivity Sent(int customer, int day) => new(1, customer, EmailActivityType.Sent, EmailKind.Replenishment, 0, _day0.AddDays(day));
        EmailActivity Clicked(int customer, int emailId, int day) => new(1, customer, EmailActivityType.Clicked, EmailKind.Replenishment, emailId, _day0.AddDays(day));
        var emails = new[]
        {
            //customer 1 (a buyer) got two e-mails and clicked one; customer 6 (two views: no profile of their own) clicked one;
            //customer 40 never did anything else; customer 41 was only sent one (no profile for a send alone)
            Sent(1, 70), Sent(1, 90), Clicked(1, 500, 91), Sent(6, 90), Clicked(6, 501, 92), Clicked(40, 502, 95), Sent(41, 95)
        };

        var store = CustomerInsightsBuilder.Build(Shop(), _products, segments, _now, Options(), emails: emails).Single(s => s.StoreId == 1);

        var profiles = store.Profiles.ToDictionary(p => p.Profile.CustomerId);
        profiles[1].Profile.Email.Should().Be(new EmailEngagementSummary(2, 1, 1, _day0.AddDays(91), _day0.AddDays(91), 0.5));
        profiles[6].Profile.Email.Clicked.Should().Be(1);
        profiles[40].Profile.Should().Match<CustomerProfile>(p => p.Orders == 0 && p.Affinities.Count == 0 && p.Lifecycle == LifecycleStage.None);
        profiles.Should().NotContainKey(41);
        profiles[2].Profile.Email.Should().BeNull("customer 2 had no e-mail activity");
        store.Profiles.Where(p => p.SegmentIds.Contains(3)).Select(p => p.Profile.CustomerId).Should().Equal(1, 6, 40);
        store.SegmentSizes.Single().Members.Should().Be(3);
    }

    [Test]
    public void EachStoreSaysWhatItsHistoryOffersThePredictedLifetime()
    {
        //anonymous purchases (customer 0) in store 2 are nobody's history
        var stores = CustomerInsightsBuilder.Build([.. Shop(), Buy(0, 2, 10, store: 2), Buy(0, 2, 20, store: 2)], _products, _segments, _now, Options());

        //store 1: customers 1-4 bought before now (customer 8 only in the future), all of them on more than one day
        stores.Single(s => s.StoreId == 1).Lifetime.Should().Be(new LifetimeSupport(4, 4, false));
        stores.Single(s => s.StoreId == 2).Lifetime.Should().Be(new LifetimeSupport(1, 0, false));
        new LifetimeSupport(200, 49, false).HasEnoughHistory(new LifetimeOptions()).Should().BeFalse();
        new LifetimeSupport(200, 50, false).HasEnoughHistory(new LifetimeOptions()).Should().BeTrue();
    }
}
