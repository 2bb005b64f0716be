using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Training;
using Nop.Plugin.Misc.Personalization.Engine.Tuning;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Tuning;

[TestFixture]
public class ProfileSelectorTests
{
    private static readonly TrainingProfile _rebuys = new("rebuys", new TrainingOptions { Scoring = new ScoringOptions { RepeatWeight = 32 } });
    private static readonly TrainingProfile _neverRebuys = new("never-rebuys", new TrainingOptions { Scoring = new ScoringOptions { RepeatWeight = 0 } });

    [Test]
    public void AShopWhoseCustomersReorderTheirProductsChoosesTheProfileThatRecommendsThem()
    {
        var events = Reorders(customers: 60);

        var forward = ProfileSelector.Choose(events, Array.Empty<ProductFacts>(), [_neverRebuys, _rebuys], EventsBuilder.Now);
        var backward = ProfileSelector.Choose(events, Array.Empty<ProductFacts>(), [_rebuys, _neverRebuys], EventsBuilder.Now);

        forward.Profile.Should().Be("rebuys", "the better profile wins even when it is not the fallback");
        backward.Profile.Should().Be("rebuys");
        forward.ValidationCustomers.Should().Be(60);
        var rebuys = forward.Scores.Single(score => score.Profile == "rebuys");
        var neverRebuys = forward.Scores.Single(score => score.Profile == "never-rebuys");
        rebuys.AllNdcg.Should().BeGreaterThan(0.9, "every customer's own reordered product leads the list");
        neverRebuys.AllNdcg.Should().BeLessThan(rebuys.AllNdcg - 0.5);
    }

    [Test]
    public void TooFewCustomersBuyingInTheHoldoutKeepsTheFirstProfileAndSaysWhy()
    {
        var events = Reorders(customers: 10);

        var selection = ProfileSelector.Choose(events, Array.Empty<ProductFacts>(), [_neverRebuys, _rebuys], EventsBuilder.Now);

        selection.Profile.Should().Be("never-rebuys");
        selection.Scores.Should().BeEmpty();
        selection.ValidationCustomers.Should().Be(10);
        selection.Reason.Should().Contain("10 customers").And.Contain("50");
    }

    [Test]
    public void OnlyKnownCustomersWhoBoughtInTheHoldoutAreJudgedAndAtMostTheCap()
    {
        var events = Reorders(customers: 60).ToList();
        //bought in the hold-out but never seen before it; an anonymous purchase; a purchase after "now"
        events.Add(EventsBuilder.Purchase(customer: 999, product: 5, daysAgo: 3));
        events.Add(EventsBuilder.Purchase(customer: 0, product: 5, daysAgo: 3));
        events.Add(EventsBuilder.Purchase(customer: 998, product: 5, daysAgo: 100));
        events.Add(EventsBuilder.Purchase(customer: 998, product: 5, daysAgo: -1));

        var all = ProfileSelector.Choose(events, Array.Empty<ProductFacts>(), [_rebuys], EventsBuilder.Now);
        var capped = ProfileSelector.Choose(events, Array.Empty<ProductFacts>(), [_rebuys], EventsBuilder.Now,
            new ProfileSelectionOptions { MaxCustomers = 55, MinCustomers = 50 });

        all.ValidationCustomers.Should().Be(60);
        capped.ValidationCustomers.Should().Be(55);
    }

    [Test]
    public void TheSameHistoryGivesTheSameSelection()
    {
        var events = Reorders(customers: 60);
        var shuffled = events.OrderBy(e => (e.CustomerId * 7919 + e.ProductId * 31 + e.TimeUtc.Ticks) % 1009).ToList();

        var first = ProfileSelector.Choose(events, Array.Empty<ProductFacts>(), [_neverRebuys, _rebuys], EventsBuilder.Now);
        var second = ProfileSelector.Choose(shuffled, Array.Empty<ProductFacts>(), [_neverRebuys, _rebuys], EventsBuilder.Now);

        second.Should().BeEquivalentTo(first);
    }

    [Test]
    public void NoCandidateIsAClearError()
    {
        var act = () => ProfileSelector.Choose(Reorders(5), Array.Empty<ProductFacts>(), [], EventsBuilder.Now);

        act.Should().Throw<ArgumentException>().WithMessage("*profile*");
    }

    /// <summary>
    /// Each customer reorders their own product every week for half a year (also in the last four weeks) and once
    /// bought a product everyone bought, so trending alone cannot find their own product.
    /// </summary>
    private static IReadOnlyList<Interaction> Reorders(int customers)
    {
        var builder = new EventsBuilder();
        for (var customer = 1; customer <= customers; customer++)
        {
            var own = 1000 + customer;
            builder.Order(customer, 200, 1, 2, 3);
            for (var week = 26; week >= 0; week--)
                builder.Order(customer, week * 7 + 1 + customer % 5, own);
        }
        return builder.Events;
    }
}
