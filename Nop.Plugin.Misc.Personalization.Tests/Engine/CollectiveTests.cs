using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine;

[TestFixture]
public class CollectiveTests
{
    // store 1 is big: 1 goes with 2 (many orders); store 2 is small: 1 goes with 3 once
    private static EventsBuilder TwoStores()
    {
        var events = new EventsBuilder();
        events.Store = 1;
        // customer 0 is the anonymous visitor pool, which teaches no neighbours
        for (var c = 1; c <= 20; c++)
            events.Order(c, 10, 1, 2);
        events.Store = 2;
        events.Order(100, 5, 1, 3);
        events.Order(101, 4, 1, 3);
        return events;
    }

    private static TrainingOptions Options(double shrinkage)
    {
        var model = new NeighbourOptions { Measure = SimilarityMeasure.Conditional, MinSupport = 1 };
        return new TrainingOptions { BoughtTogether = model, Similar = model, Sequential = model, ShrinkageStrength = shrinkage };
    }

    private static double Score(ModelSnapshot s, int from, int to)
    {
        var i = s.Catalog.IndexOf(from);
        var neighbours = s.BoughtTogether.NeighboursOf(i);
        for (var r = 0; r < neighbours.Length; r++)
        {
            if (s.Catalog.ProductIdAt(neighbours[r]) == to)
                return s.BoughtTogether.ScoresOf(i)[r];
        }
        return 0;
    }

    [Test]
    public void SmallStoreBorrowsInstallationWideNeighbours()
    {
        var snapshots = EngineTrainer.TrainStores(TwoStores().Events, Array.Empty<ProductFacts>(), Options(2), EventsBuilder.Now);
        var small = snapshots[2];
        // store 2 has support 2 for product 1: own weight 2 / (2 + 2) = 0.5
        // own P(3|1) = 1; installation-wide P(2|1) = 20/22, P(3|1) = 2/22
        Score(small, 1, 3).Should().BeApproximately(0.5 * 1 + 0.5 * 2.0 / 22, 1e-6);
        Score(small, 1, 2).Should().BeApproximately(0.5 * 20.0 / 22, 1e-6);
        new Recommender(small).BoughtTogether(1, 5).Select(r => r.ProductId).Should().Contain(2, "the small store learns 2 from the installation");
    }

    [Test]
    public void BigStoreKeepsMostlyItsOwnStatistics()
    {
        var snapshots = EngineTrainer.TrainStores(TwoStores().Events, Array.Empty<ProductFacts>(), Options(2), EventsBuilder.Now);
        var big = snapshots[1];
        // support 20: own weight 20 / 22
        Score(big, 1, 2).Should().BeApproximately(20.0 / 22 * 1 + 2.0 / 22 * (20.0 / 22), 1e-6);
        Score(big, 1, 3).Should().BeApproximately(2.0 / 22 * (2.0 / 22), 1e-6);
    }

    [Test]
    public void WithoutShrinkageStoresAreIndependent()
    {
        var snapshots = EngineTrainer.TrainStores(TwoStores().Events, Array.Empty<ProductFacts>(), Options(0), EventsBuilder.Now);
        Score(snapshots[2], 1, 2).Should().Be(0);
        Score(snapshots[2], 1, 3).Should().BeApproximately(1, 1e-6);
    }

    [Test]
    public void StoresNeverSeeEachOthersCustomersOrPopularity()
    {
        var snapshots = EngineTrainer.TrainStores(TwoStores().Events, Array.Empty<ProductFacts>(), Options(2), EventsBuilder.Now);
        var small = snapshots[2];
        small.EventCount.Should().Be(4);
        small.Popularity.TrendingOf(small.Catalog.IndexOf(2)).Should().Be(0);
        new Recommender(small).Trending(null, 5, EventsBuilder.Now).Select(r => r.ProductId).Should().BeEquivalentTo(new[] { 1, 3 });
    }

    [Test]
    public void TrainForOneStoreEqualsTrainStores()
    {
        var events = TwoStores().Events;
        var one = EngineTrainer.Train(events, Array.Empty<ProductFacts>(), Options(2) with { StoreId = 2 }, EventsBuilder.Now);
        var all = EngineTrainer.TrainStores(events, Array.Empty<ProductFacts>(), Options(2), EventsBuilder.Now);
        Nop.Plugin.Misc.Personalization.Engine.Snapshots.SnapshotSerializer.Serialize(one)
            .Should().Equal(Nop.Plugin.Misc.Personalization.Engine.Snapshots.SnapshotSerializer.Serialize(all[2]));
    }
}
