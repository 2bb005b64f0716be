using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine;

[TestFixture]
public class SequentialTests
{
    private static ModelSnapshot Train(EventsBuilder events, double windowDays = 60)
    {
        var options = new TrainingOptions
        {
            Sequential = new NeighbourOptions { Measure = SimilarityMeasure.Conditional, MinSupport = 1 },
            SequentialWindowDays = windowDays
        };
        return EngineTrainer.Train(events.Events, Array.Empty<ProductFacts>(), options, EventsBuilder.Now);
    }

    [Test]
    public void ProbabilityAndMedianLagOfBuyingBAfterA()
    {
        // four buyers of A (1); three buy B (2) later after 10, 20 and 40 days; one never does
        var events = new EventsBuilder()
            .Order(1, 100, 1).Order(1, 90, 2)
            .Order(2, 100, 1).Order(2, 80, 2)
            .Order(3, 100, 1).Order(3, 60, 2)
            .Order(4, 100, 1);
        var s = Train(events);
        var a = s.Catalog.IndexOf(1);
        var neighbours = s.Sequential.NeighboursOf(a);
        neighbours.Length.Should().Be(1);
        s.Catalog.ProductIdAt(neighbours[0]).Should().Be(2);
        s.Sequential.ScoresOf(a)[0].Should().BeApproximately(3f / 4f, 1e-6f);
        s.Sequential.SupportOf(a)[0].Should().Be(3);
        s.Sequential.LagDaysOf(a)[0].Should().BeApproximately(20f, 1e-4f);
    }

    [Test]
    public void MedianOfAnEvenNumberOfLagsIsTheMidpoint()
    {
        var events = new EventsBuilder()
            .Order(1, 100, 1).Order(1, 90, 2)
            .Order(2, 100, 1).Order(2, 70, 2);
        var s = Train(events);
        s.Sequential.LagDaysOf(s.Catalog.IndexOf(1))[0].Should().BeApproximately(20f, 1e-4f);
    }

    [Test]
    public void IgnoresTheSameOrderAndPurchasesOutsideTheWindow()
    {
        var events = new EventsBuilder()
            .Order(1, 100, 1, 2)
            .Order(2, 100, 1).Order(2, 30, 3);
        var s = Train(events, windowDays: 60);
        s.Sequential.CountOf(s.Catalog.IndexOf(1)).Should().Be(0);
    }

    [Test]
    public void IsDirectional()
    {
        var events = new EventsBuilder().Order(1, 100, 1).Order(1, 90, 2);
        var s = Train(events);
        s.Sequential.CountOf(s.Catalog.IndexOf(1)).Should().Be(1);
        s.Sequential.CountOf(s.Catalog.IndexOf(2)).Should().Be(0);
    }

    [Test]
    public void EachCustomerCountsOncePerPair()
    {
        var events = new EventsBuilder().Order(1, 100, 1).Order(1, 90, 2).Order(1, 80, 2).Order(1, 70, 2);
        var s = Train(events);
        var a = s.Catalog.IndexOf(1);
        s.Sequential.SupportOf(a)[0].Should().Be(1);
        s.Sequential.LagDaysOf(a)[0].Should().BeApproximately(10f, 1e-4f);
    }
}
