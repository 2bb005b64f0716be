using Nop.Plugin.Misc.Personalization.Engine.BackInStock;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.BackInStock;

/// <summary>
/// Hand-made audiences for product 1 coming back in stock; product 2 is its neighbour with similarity 0.5.
/// </summary>
[TestFixture]
public class BackInStockAudienceTests
{
    private static readonly DateTime _now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Dictionary<int, double> _neighbours = new() { [2] = 0.5 };

    private static Interaction Seen(int customer, int product, double daysAgo, InteractionType type = InteractionType.View) =>
        new(1, customer, product, type, _now.AddDays(-daysAgo));

    private static IReadOnlyList<BackInStockOffer> Choose(IReadOnlyList<BackInStockSubscriber> subscribers, IReadOnlyList<Interaction> interactions,
        int maxPredicted = 10) =>
        BackInStockAudience.Choose(1, subscribers, interactions, _neighbours, _now, new BackInStockOptions { MaxPredicted = maxPredicted, HalfLifeDays = 10 });

    [Test]
    public void SubscribersComeFirstInTheOrderTheyAskedThenPredictedCustomersByScore()
    {
        var subscribers = new[] { new BackInStockSubscriber(30, _now.AddDays(-2)), new BackInStockSubscriber(20, _now.AddDays(-9)) };
        var interactions = new[]
        {
            //customer 40: three views of the product today (3); customer 50: one view today (1); customer 60: a cart of the neighbour (3 x 0.5)
            Seen(40, 1, 0), Seen(40, 1, 0), Seen(40, 1, 0), Seen(50, 1, 0), Seen(60, 2, 0, InteractionType.AddToCart),
            //a subscriber's own interest does not move them
            Seen(30, 1, 0)
        };

        var offers = Choose(subscribers, interactions);

        offers.Select(o => o.CustomerId).Should().Equal(20, 30, 40, 60, 50);
        offers.Take(2).Should().OnlyContain(o => o.Subscribed && o.Score == 1);
        offers[2].Score.Should().BeApproximately(BackInStockAudience.PREDICTED_CEILING, 1e-12);
        offers[3].Score.Should().BeApproximately(BackInStockAudience.PREDICTED_CEILING * 1.5 / 3, 1e-12);
        offers[4].Score.Should().BeApproximately(BackInStockAudience.PREDICTED_CEILING / 3, 1e-12);
    }

    [Test]
    public void InterestHalvesEveryHalfLife()
    {
        //customer 40 viewed twice ten days ago (2 x 0.5 = 1), customer 50 once today (1), customer 60 once twenty days ago (0.25)
        var offers = Choose([], [Seen(40, 1, 10), Seen(40, 1, 10), Seen(50, 1, 0), Seen(60, 1, 20)]);

        offers.Select(o => (o.CustomerId, Math.Round(o.Score / BackInStockAudience.PREDICTED_CEILING, 9)))
            .Should().Equal((40, 1.0), (50, 1.0), (60, 0.25));
    }

    [Test]
    public void PredictedCustomersAreCappedButSubscribersAreNot()
    {
        var subscribers = Enumerable.Range(100, 5).Select(id => new BackInStockSubscriber(id, _now.AddDays(-1))).ToList();
        var interactions = Enumerable.Range(1, 8).Select(customer => Seen(customer, 1, customer)).ToList();

        var offers = Choose(subscribers, interactions, maxPredicted: 3);

        offers.Should().HaveCount(8);
        offers.Where(o => !o.Subscribed).Select(o => o.CustomerId).Should().Equal([1, 2, 3], "the most recent interest scores highest");
        Choose(subscribers, interactions, maxPredicted: 0).Should().OnlyContain(o => o.Subscribed).And.HaveCount(5);
    }

    [Test]
    public void ABuyerOfTheProductGuestsUnrelatedProductsAndDuplicateSubscriptionsAreLeftOut()
    {
        var subscribers = new[] { new BackInStockSubscriber(20, _now.AddDays(-3)), new BackInStockSubscriber(20, _now.AddDays(-1)), new BackInStockSubscriber(0, _now) };
        var interactions = new[]
        {
            Seen(40, 1, 1), Seen(40, 1, 0, InteractionType.Purchase),
            Seen(0, 1, 0), Seen(50, 3, 0), Seen(60, 1, 0, InteractionType.Search)
        };

        Choose(subscribers, interactions).Select(o => o.CustomerId).Should().Equal(20);
    }
}
