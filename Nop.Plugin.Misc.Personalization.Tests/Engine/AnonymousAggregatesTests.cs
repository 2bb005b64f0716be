using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine;

/// <summary>
/// Anonymous events (customer 0) feed trending and seasonality only, never what is learned from one customer's history.
/// </summary>
[TestFixture]
public class AnonymousAggregatesTests
{
    private static readonly TrainingOptions _options = new()
    {
        Similar = new NeighbourOptions { Measure = SimilarityMeasure.Conditional, MinSupport = 1 },
        BoughtTogether = new NeighbourOptions { Measure = SimilarityMeasure.Conditional, MinSupport = 1 },
        Sequential = new NeighbourOptions { Measure = SimilarityMeasure.Conditional, MinSupport = 1 }
    };

    private static readonly ProductFacts[] Facts = Enumerable.Range(1, 4).Select(p => EventsBuilder.Facts(p, category: 1)).ToArray();

    [Test]
    public void AStoreWithOnlyAnonymousEventsGetsTrendingButNoNeighbours()
    {
        var events = new EventsBuilder();
        for (var i = 0; i < 10; i++)
            events.View(0, 1 + i * 0.1, 1, 2, 3).Order(0, 2, 1, 2);

        var snapshot = EngineTrainer.Train(events.Events, Facts, _options, EventsBuilder.Now);
        var recommender = new Recommender(snapshot);

        recommender.Trending(null, 3, EventsBuilder.Now).Select(r => r.ProductId).Should().BeEquivalentTo(new[] { 1, 2, 3 }, "anonymous views and purchases make products trend");
        for (var i = 0; i < snapshot.Catalog.Count; i++)
        {
            snapshot.Similar.NeighboursOf(i).Length.Should().Be(0, "one pool of strangers says nothing about what goes together");
            snapshot.BoughtTogether.NeighboursOf(i).Length.Should().Be(0, "anonymous orders teach no bought-together pairs");
        }
        snapshot.EventCount.Should().Be(events.Events.Count, "every anonymous event was trained on");
    }

    [Test]
    public void AnonymousEventsAddToTrendingWithoutChangingWhatCustomersTeach()
    {
        var identified = new EventsBuilder();
        identified.Order(1, 3, 1, 2).Order(2, 3, 1, 2).Order(3, 3, 1, 4);
        var withAnonymous = new EventsBuilder();
        withAnonymous.Order(1, 3, 1, 2).Order(2, 3, 1, 2).Order(3, 3, 1, 4);
        for (var i = 0; i < 20; i++)
            withAnonymous.Order(0, 1, 1, 4);

        var plain = new Recommender(EngineTrainer.Train(identified.Events, Facts, _options, EventsBuilder.Now));
        var mixed = new Recommender(EngineTrainer.Train(withAnonymous.Events, Facts, _options, EventsBuilder.Now));

        mixed.BoughtTogether(1, 5).Should().BeEquivalentTo(plain.BoughtTogether(1, 5), "anonymous orders do not change the pairs customers teach");
        mixed.Similar(1, 5).Should().BeEquivalentTo(plain.Similar(1, 5));
        mixed.Trending(null, 1, EventsBuilder.Now).Single().ProductId.Should().BeOneOf(1, 4);
        mixed.Trending(null, 2, EventsBuilder.Now).Select(r => r.ProductId).Should().Contain(4, "twenty anonymous purchases make product 4 trend");
        plain.Trending(null, 2, EventsBuilder.Now).Select(r => r.ProductId).Should().NotContain(4, "customers alone bought 4 once");
    }
}
