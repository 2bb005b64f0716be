using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine;

[TestFixture]
public class CooccurrenceTests
{
    // five orders by five customers: A=1 is in 4 orders, B=2 in 3, C=3 in 2, D=4 in 1
    // pairs: (1,2) together 3x, (1,3) 2x, (2,3) 1x, (1,4) 1x
    private static EventsBuilder Orders()
    {
        return new EventsBuilder()
            .Order(1, 10, 1, 2, 3)
            .Order(2, 9, 1, 2)
            .Order(3, 8, 1, 2)
            .Order(4, 7, 1, 3, 4)
            .Order(5, 6, 5);
    }

    private static ModelSnapshot Train(SimilarityMeasure measure, int minSupport = 1, int k = 50)
    {
        var model = new NeighbourOptions { Measure = measure, MinSupport = minSupport };
        var options = new TrainingOptions { BoughtTogether = model, Similar = model, NeighbourCount = k };
        return EngineTrainer.Train(Orders().Events, Array.Empty<ProductFacts>(), options, EventsBuilder.Now);
    }

    private static float ScoreOf(NeighbourTable table, ModelSnapshot s, int from, int to)
    {
        var i = s.Catalog.IndexOf(from);
        var neighbours = table.NeighboursOf(i);
        for (var r = 0; r < neighbours.Length; r++)
        {
            if (s.Catalog.ProductIdAt(neighbours[r]) == to)
                return table.ScoresOf(i)[r];
        }
        return float.NaN;
    }

    [Test]
    public void CountsPairsInTheSameOrder()
    {
        var s = Train(SimilarityMeasure.Count);
        ScoreOf(s.BoughtTogether, s, 1, 2).Should().Be(3);
        ScoreOf(s.BoughtTogether, s, 1, 3).Should().Be(2);
        ScoreOf(s.BoughtTogether, s, 2, 3).Should().Be(1);
        ScoreOf(s.BoughtTogether, s, 3, 1).Should().Be(2);
        float.IsNaN(ScoreOf(s.BoughtTogether, s, 1, 5)).Should().BeTrue("5 is never in an order with 1");
    }

    [Test]
    public void SupportIsTheRawCount()
    {
        var s = Train(SimilarityMeasure.Cosine);
        var i = s.Catalog.IndexOf(1);
        var neighbours = s.BoughtTogether.NeighboursOf(i);
        var support = s.BoughtTogether.SupportOf(i);
        support[neighbours.IndexOf(s.Catalog.IndexOf(2))].Should().Be(3);
    }

    [Test]
    public void JaccardIsTogetherOverUnion()
    {
        var s = Train(SimilarityMeasure.Jaccard);
        ScoreOf(s.BoughtTogether, s, 1, 2).Should().BeApproximately(3f / (4 + 3 - 3), 1e-6f);
        ScoreOf(s.BoughtTogether, s, 1, 3).Should().BeApproximately(2f / (4 + 2 - 2), 1e-6f);
        ScoreOf(s.BoughtTogether, s, 2, 3).Should().BeApproximately(1f / (3 + 2 - 1), 1e-6f);
    }

    [Test]
    public void CosineDividesBySquareRootOfSupports()
    {
        var s = Train(SimilarityMeasure.Cosine);
        ScoreOf(s.BoughtTogether, s, 1, 2).Should().BeApproximately((float)(3 / Math.Sqrt(4 * 3)), 1e-6f);
        ScoreOf(s.BoughtTogether, s, 1, 4).Should().BeApproximately((float)(1 / Math.Sqrt(4 * 1)), 1e-6f);
    }

    [Test]
    public void LiftComparesWithChance()
    {
        var s = Train(SimilarityMeasure.Lift);
        // 5 orders; lift(1,4) = 1 * 5 / (4 * 1)
        ScoreOf(s.BoughtTogether, s, 1, 4).Should().BeApproximately(5f / 4f, 1e-6f);
        ScoreOf(s.BoughtTogether, s, 2, 3).Should().BeApproximately(1f * 5 / (3 * 2), 1e-6f);
    }

    [Test]
    public void AsymmetricWithHalfExponentsIsCosine()
    {
        var cosine = Train(SimilarityMeasure.Cosine);
        var asymmetric = Train(SimilarityMeasure.Asymmetric);
        ScoreOf(asymmetric.BoughtTogether, asymmetric, 1, 3).Should().BeApproximately(ScoreOf(cosine.BoughtTogether, cosine, 1, 3), 1e-6f);
    }

    [Test]
    public void MinimumSupportDropsRarePairs()
    {
        var s = Train(SimilarityMeasure.Count, minSupport: 2);
        var row = s.BoughtTogether.NeighboursOf(s.Catalog.IndexOf(1)).ToArray().Select(s.Catalog.ProductIdAt);
        row.Should().BeEquivalentTo(new[] { 2, 3 });
    }

    [Test]
    public void KeepsOnlyTopKSortedDescending()
    {
        var s = Train(SimilarityMeasure.Count, k: 2);
        var i = s.Catalog.IndexOf(1);
        s.BoughtTogether.CountOf(i).Should().Be(2);
        s.BoughtTogether.NeighboursOf(i).ToArray().Select(s.Catalog.ProductIdAt).Should().Equal(2, 3);
        s.BoughtTogether.ScoresOf(i).ToArray().Should().BeInDescendingOrder();
    }

    [Test]
    public void SimilarCountsCustomersNotOrders()
    {
        // one customer buys 1 and 2 in separate orders: co-interest, but not bought together
        var events = new EventsBuilder().Order(1, 10, 1).Order(1, 5, 2).Events;
        var model = new NeighbourOptions { Measure = SimilarityMeasure.Count, MinSupport = 1 };
        var s = EngineTrainer.Train(events, Array.Empty<ProductFacts>(), new TrainingOptions { Similar = model, BoughtTogether = model }, EventsBuilder.Now);
        ScoreOf(s.Similar, s, 1, 2).Should().Be(1);
        s.BoughtTogether.CountOf(s.Catalog.IndexOf(1)).Should().Be(0);
    }

    [Test]
    public void GroupSizeWeightingDiscountsLargeBaskets()
    {
        // (1,2) together in one order of size 2 and (1,3) in one order of size 4
        var events = new EventsBuilder().Order(1, 3, 1, 2).Order(2, 2, 1, 3, 4, 5).Events;
        var model = new NeighbourOptions { Measure = SimilarityMeasure.Count, MinSupport = 1, GroupSizeExponent = 1 };
        var s = EngineTrainer.Train(events, Array.Empty<ProductFacts>(), new TrainingOptions { BoughtTogether = model }, EventsBuilder.Now);
        ScoreOf(s.BoughtTogether, s, 1, 2).Should().BeApproximately(0.5f, 1e-6f);
        ScoreOf(s.BoughtTogether, s, 1, 3).Should().BeApproximately(0.25f, 1e-6f);
    }

    [Test]
    public void HalfLifeDecaysOldGroups()
    {
        var events = new EventsBuilder().Order(1, 0, 1, 2).Order(2, 14, 1, 3).Events;
        var model = new NeighbourOptions { Measure = SimilarityMeasure.Count, MinSupport = 1, HalfLifeDays = 14 };
        var s = EngineTrainer.Train(events, Array.Empty<ProductFacts>(), new TrainingOptions { BoughtTogether = model }, EventsBuilder.Now);
        ScoreOf(s.BoughtTogether, s, 1, 2).Should().BeApproximately(1f, 1e-5f);
        ScoreOf(s.BoughtTogether, s, 1, 3).Should().BeApproximately(0.5f, 1e-5f);
    }

    [Test]
    public void OrdersAreGroupedByIdEvenWhenIdsRunAgainstTime()
    {
        // one customer: order 20 five days ago (3, 1), order 10 ten days ago (2, 1, 1 twice on two lines),
        // plus an order-less purchase of 4 and 2 at one instant (grouped by that instant)
        var events = new EventsBuilder()
            .Add(EventsBuilder.Purchase(1, 3, 5, order: 20))
            .Add(EventsBuilder.Purchase(1, 1, 5, order: 20))
            .Add(EventsBuilder.Purchase(1, 1, 10, order: 10))
            .Add(EventsBuilder.Purchase(1, 2, 10, order: 10))
            .Add(EventsBuilder.Purchase(1, 1, 10, order: 10))
            .Add(EventsBuilder.Purchase(1, 4, 1, order: 0))
            .Add(EventsBuilder.Purchase(1, 2, 1, order: 0))
            .Events;
        var model = new NeighbourOptions { Measure = SimilarityMeasure.Count, MinSupport = 1 };
        var s = EngineTrainer.Train(events, Array.Empty<ProductFacts>(), new TrainingOptions { BoughtTogether = model }, EventsBuilder.Now);
        ScoreOf(s.BoughtTogether, s, 1, 3).Should().Be(1);
        ScoreOf(s.BoughtTogether, s, 3, 1).Should().Be(1);
        ScoreOf(s.BoughtTogether, s, 1, 2).Should().Be(1, "the repeated line of 1 in order 10 counts once");
        ScoreOf(s.BoughtTogether, s, 2, 4).Should().Be(1);
        float.IsNaN(ScoreOf(s.BoughtTogether, s, 2, 3)).Should().BeTrue("2 and 3 were never in one order");
        float.IsNaN(ScoreOf(s.BoughtTogether, s, 1, 4)).Should().BeTrue("1 and 4 were never in one order");
    }

    [Test]
    public void SymmetricCountingMatchesABruteForceCount()
    {
        // random orders; every pair's count from the trainer must equal a direct count over the orders
        var random = new Random(7);
        var builder = new EventsBuilder();
        var orders = new List<int[]>();
        for (var o = 0; o < 300; o++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.Next(1, 40)).Distinct().ToArray();
            orders.Add(lines);
            builder.Order(random.Next(1, 60), random.Next(0, 100), lines);
        }
        var model = new NeighbourOptions { Measure = SimilarityMeasure.Count, MinSupport = 1 };
        var s = EngineTrainer.Train(builder.Events, Array.Empty<ProductFacts>(), new TrainingOptions { BoughtTogether = model, NeighbourCount = 100 }, EventsBuilder.Now);
        for (var a = 1; a < 40; a++)
        {
            for (var b = 1; b < 40; b++)
            {
                if (a == b || s.Catalog.IndexOf(a) < 0 || s.Catalog.IndexOf(b) < 0)
                    continue;
                var expected = orders.Count(o => o.Contains(a) && o.Contains(b));
                var actual = ScoreOf(s.BoughtTogether, s, a, b);
                if (expected == 0)
                    float.IsNaN(actual).Should().BeTrue($"{a} and {b} never share an order");
                else
                    actual.Should().Be(expected, $"pair ({a}, {b})");
            }
        }
    }
}
