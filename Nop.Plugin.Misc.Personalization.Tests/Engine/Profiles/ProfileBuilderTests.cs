using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Profiles;

[TestFixture]
public class ProfileBuilderTests
{
    private static readonly DateTime _now = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Dictionary<int, ProductFacts> _products = new()
    {
        [1] = new ProductFacts(1, new[] { 10 }, 3, 5m, true, true, _now.AddYears(-1)),
        [2] = new ProductFacts(2, new[] { 20 }, 0, 50m, true, true, _now.AddYears(-1))
    };

    private static Interaction Buy(int customer, int product, int daysAgo, int order, decimal price = 5m, int quantity = 1, int store = 1)
    {
        return new Interaction(store, customer, product, InteractionType.Purchase, _now.AddDays(-daysAgo).AddHours(10), quantity, price, order);
    }

    private static IReadOnlyList<Interaction> Store()
    {
        return new[]
        {
            // customer 1: orders every 10 days, two lines in the last order
            Buy(1, 1, 30, 101), Buy(1, 1, 20, 102), Buy(1, 1, 10, 103), Buy(1, 2, 10, 103, 50m),
            // customer 2: one recent order
            Buy(2, 2, 5, 201, 50m, 2),
            // customer 3: ordered every 10 days long ago
            Buy(3, 1, 300, 301), Buy(3, 1, 290, 302),
            // customer 4: only browsed
            new Interaction(1, 4, 2, InteractionType.View, _now.AddDays(-1))
        };
    }

    [Test]
    public void SummarisesOrdersSpendAndRhythm()
    {
        var profiles = ProfileBuilder.Build(Store(), _products, _now, new ProfileOptions());

        profiles.Select(p => p.CustomerId).Should().Equal(1, 2, 3, 4);
        var first = profiles[0];
        first.Orders.Should().Be(3);
        first.TotalSpent.Should().Be(65m);
        first.AverageOrderValue.Should().BeApproximately(65m / 3, 0.0001m);
        first.MedianGapDays.Should().Be(10);
        first.DaysSinceLastOrder.Should().BeApproximately(10 - 10 / 24.0, 1e-9);
        profiles[1].TotalSpent.Should().Be(100m);
        profiles[3].Orders.Should().Be(0);
        profiles[3].DaysSinceLastOrder.Should().BeNull();
    }

    [Test]
    public void EachCustomerGetsTheStageOfTheirOwnRhythm()
    {
        var profiles = ProfileBuilder.Build(Store(), _products, _now, new ProfileOptions());

        profiles.Select(p => p.Lifecycle).Should().Equal(LifecycleStage.Active, LifecycleStage.New, LifecycleStage.Lapsed, LifecycleStage.None);
    }

    [Test]
    public void RfmIsScoredAmongTheStoresOrderingCustomers()
    {
        var profiles = ProfileBuilder.Build(Store(), _products, _now, new ProfileOptions());

        // three ordering customers, each score = 1 + floor(5 × customers strictly worse / 3)
        profiles.Select(p => (p.Recency, p.Frequency, p.Monetary)).Should().Equal(
            ((byte)2, (byte)4, (byte)2),
            ((byte)4, (byte)1, (byte)4),
            ((byte)1, (byte)2, (byte)1),
            ((byte)0, (byte)0, (byte)0));
    }

    [Test]
    public void StoresAreScoredSeparately()
    {
        var interactions = Store().Concat(new[] { Buy(1, 1, 400, 901, store: 2) }).ToArray();

        var profiles = ProfileBuilder.Build(interactions, _products, _now, new ProfileOptions());

        var other = profiles.Single(p => p.StoreId == 2);
        other.CustomerId.Should().Be(1);
        other.Orders.Should().Be(1);
        (other.Recency, other.Frequency, other.Monetary).Should().Be(((byte)1, (byte)1, (byte)1));
        profiles.Where(p => p.StoreId == 1).Should().HaveCount(4);
    }

    [Test]
    public void PurchasesWithoutAnOrderIdCountOneOrderPerDay()
    {
        var history = OrderHistory.Of(new[] { Buy(1, 1, 3, 0), Buy(1, 2, 3, 0), Buy(1, 1, 1, 0) });

        history.Orders.Should().Be(2);
        history.MedianGapDays.Should().Be(2);
    }

    [Test]
    public void IsDeterministicWhateverTheInputOrder()
    {
        var interactions = Store();
        var shuffled = interactions.OrderBy(i => (i.CustomerId * 7919 + i.ProductId * 31 + i.TimeUtc.Ticks) % 13).ToArray();

        var a = ProfileBuilder.Build(interactions, _products, _now, new ProfileOptions());
        var b = ProfileBuilder.Build(shuffled, _products, _now, new ProfileOptions());

        b.Select(Describe).Should().Equal(a.Select(Describe));
    }

    [Test]
    public void AffinitiesAreBoundedAndStoredCompactly()
    {
        var profiles = ProfileBuilder.Build(Store(), _products, _now, new ProfileOptions());

        foreach (var profile in profiles)
        {
            profile.Affinities.Should().OnlyContain(a => a.Score > 0 && a.Score <= 1);
            profile.Affinities.Select(a => a.Score).Should().BeInDescendingOrder();
            AffinityText.Parse(profile.AffinitiesText).Select(a => (a.Kind, a.Id)).Should().Equal(profile.Affinities.Select(a => (a.Kind, a.Id)));
        }

        profiles[1].AffinityTo(AffinityKind.Category, 20).Should().Be(1);
        profiles[1].AffinityTo(AffinityKind.Category, 10).Should().Be(0);
    }

    private static string Describe(CustomerProfile p)
    {
        return $"{p.StoreId}/{p.CustomerId}/{p.Orders}/{p.TotalSpent}/{p.MedianGapDays}/{p.Recency}{p.Frequency}{p.Monetary}/{p.Lifecycle}/{p.AffinitiesText}";
    }
}
