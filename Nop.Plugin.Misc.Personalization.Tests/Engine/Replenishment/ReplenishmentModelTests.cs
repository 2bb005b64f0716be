using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Engine.Replenishment;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Replenishment;

[TestFixture]
public class ReplenishmentModelTests
{
    private static readonly DateTime _day0 = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime _now = _day0.AddDays(60);

    private static Interaction Buy(int customer, int product, int day, int store = 1)
    {
        return new Interaction(store, customer, product, InteractionType.Purchase, _day0.AddDays(day).AddHours(10), 1, 2m, customer * 1000 + day);
    }

    // product 100: intervals 10,10 (customer 1), 12,14 (customer 2), 20,30 (customer 3); customer 4 bought once.
    // pooled sorted: 10,10,12,14,20,30 → median 13, Q1 10.5, Q3 18.5, MAD 3. Product 200: one buyer, once.
    private static IReadOnlyList<Interaction> Purchases()
    {
        return new[]
        {
            Buy(1, 100, 0), Buy(1, 100, 10), Buy(1, 100, 20),
            Buy(2, 100, 0), Buy(2, 100, 12), Buy(2, 100, 26),
            Buy(3, 100, 0), Buy(3, 100, 20), Buy(3, 100, 50),
            Buy(4, 100, 40),
            Buy(1, 200, 5),
            new Interaction(1, 1, 100, InteractionType.View, _day0.AddDays(55))
        };
    }

    private static ReplenishmentOptions Options(int support = 3, double k = 2, double tolerance = 0, int minDays = 2)
    {
        return new ReplenishmentOptions { MinRepeatCustomers = support, ShrinkageK = k, WindowTolerance = tolerance, MinCustomerPurchaseDays = minDays };
    }

    [Test]
    public void ProductCycleHasMedianSpreadAndSupport()
    {
        var model = ReplenishmentModel.Build(Purchases(), _now, Options());

        var cycle = model.Cycle(1, 100);
        cycle.Buyers.Should().Be(4);
        cycle.RepeatBuyers.Should().Be(3);
        cycle.Intervals.Should().Be(6);
        cycle.MedianDays.Should().Be(13);
        cycle.LowerQuartileDays.Should().Be(10.5);
        cycle.UpperQuartileDays.Should().Be(18.5);
        cycle.IqrDays.Should().Be(8);
        cycle.MadDays.Should().Be(3);
        cycle.Replenishable.Should().BeTrue();
        cycle.Regularity.Should().BeApproximately(13.0 / 21, 1e-12);
    }

    [Test]
    public void SameDayPurchasesAreOneDay()
    {
        var history = PairHistory.Of(1, 1, 1, new[] { _day0.AddHours(9), _day0.AddHours(17), _day0.AddDays(7) });

        history.Days.Should().HaveCount(2);
        history.Intervals.Should().Equal(7);
        history.LastPurchaseUtc.Should().Be(_day0.AddDays(7));
    }

    [Test]
    public void TooLittleRepeatSupportIsNotReplenishable()
    {
        var model = ReplenishmentModel.Build(Purchases(), _now, Options(support: 4));

        model.Cycle(1, 100).Replenishable.Should().BeFalse();
        model.Predictions.Should().BeEmpty();
        model.Cycle(1, 200).Intervals.Should().Be(0);
        model.Cycle(1, 200).Replenishable.Should().BeFalse();
    }

    [TestCase(0, null, 13, 2, 13)]
    [TestCase(2, 10.0, 13, 2, 11.5)]
    [TestCase(6, 10.0, 13, 2, 10.75)]
    [TestCase(2, 10.0, 13, 0.000001, 10.0000015)]
    public void ShrinkageBlendsOwnAndProductCycle(int ownIntervals, double? ownMedian, double productMedian, double k, double expected)
    {
        ReplenishmentModel.BlendCycle(ownMedian, ownIntervals, productMedian, k).Should().BeApproximately(expected, 1e-6);
    }

    [Test]
    public void PredictionStartsFromTheLastPurchase()
    {
        var model = ReplenishmentModel.Build(Purchases(), _now, Options());

        var prediction = model.Prediction(1, 1, 100);
        prediction.LastPurchaseUtc.Should().Be(_day0.AddDays(20).AddHours(10));
        prediction.OwnMedianDays.Should().Be(10);
        prediction.OwnIntervals.Should().Be(2);
        prediction.OwnWeight.Should().Be(0.5);
        prediction.CycleDays.Should().Be(11.5);
        prediction.DueUtc.Should().Be(_day0.AddDays(31.5).AddHours(10));
        prediction.Confidence.Should().BeApproximately(13.0 / 21 * 3 / 4, 1e-12);
    }

    [Test]
    public void NothingIsPredictedFromAPurchaseThatWasFollowedByARebuy()
    {
        var model = ReplenishmentModel.Build(Purchases(), _now, Options());

        // from the day-10 purchase the due date would be day 21.5; the rebuy on day 20 replaces it
        model.DueWithin(_day0.AddDays(21), _day0.AddDays(22)).Should().NotContain(p => p.CustomerId == 1);
        model.DueWithin(_day0.AddDays(31), _day0.AddDays(32)).Should().ContainSingle(p => p.CustomerId == 1);
    }

    [Test]
    public void OnlyPurchasesUpToNowCount()
    {
        var model = ReplenishmentModel.Build(Purchases(), _day0.AddDays(15), Options(support: 2));

        var prediction = model.Prediction(1, 1, 100);
        prediction.LastPurchaseUtc.Should().Be(_day0.AddDays(10).AddHours(10));
        model.Cycle(1, 100).Intervals.Should().Be(2);
        model.Cycle(1, 100).MedianDays.Should().Be(11);
    }

    [Test]
    public void WindowQueryHonoursTheTolerance()
    {
        // customer 1 due on day 31.5 + 10 h (31.92) with an 11.5-day cycle; tolerance 0.25 widens windows by 2.875 days
        var strict = ReplenishmentModel.Build(Purchases(), _now, Options(tolerance: 0));
        var tolerant = ReplenishmentModel.Build(Purchases(), _now, Options(tolerance: 0.25));

        strict.DueWithin(_day0.AddDays(34), _day0.AddDays(40)).Should().NotContain(p => p.CustomerId == 1);
        tolerant.DueWithin(_day0.AddDays(34), _day0.AddDays(40)).Should().Contain(p => p.CustomerId == 1);
        tolerant.DueWithin(_day0.AddDays(35), _day0.AddDays(40)).Should().NotContain(p => p.CustomerId == 1);
        tolerant.DueWithin(_day0.AddDays(20), _day0.AddDays(29.0)).Should().NotContain(p => p.CustomerId == 1);
        tolerant.DueWithin(_day0.AddDays(20), _day0.AddDays(29.1)).Should().Contain(p => p.CustomerId == 1);
    }

    [Test]
    public void OneTimeBuyersArePredictedOnlyWhenAllowed()
    {
        ReplenishmentModel.Build(Purchases(), _now, Options()).Prediction(1, 4, 100).Should().BeNull();

        var prediction = ReplenishmentModel.Build(Purchases(), _now, Options(minDays: 1)).Prediction(1, 4, 100);
        prediction.CycleDays.Should().Be(13);
        prediction.OwnWeight.Should().Be(0);
        prediction.Confidence.Should().BeApproximately(13.0 / 21 / 2, 1e-12);
    }

    [Test]
    public void DueSoonListsReasonsBestScoreFirst()
    {
        var model = ReplenishmentModel.Build(Purchases(), _now, Options(tolerance: 0.25));

        var due = model.DueSoon(1, 1, _day0.AddDays(30), 7);

        due.Should().ContainSingle();
        due[0].ProductId.Should().Be(100);
        due[0].Reason.Should().Be("due for reorder");
        due[0].Detail.Should().Be("bought every ~12 days; last bought 10 days ago");
        due[0].Score.Should().BeGreaterThan(0).And.BeLessThan(due[0].Prediction.Confidence);
        model.DueSoon(1, 1, _day0.AddDays(10), 7).Should().BeEmpty();
        model.DueSoon(1, 99, _day0.AddDays(30), 7).Should().BeEmpty();
    }

    [Test]
    public void ScorePeaksAtTheDueDate()
    {
        var prediction = ReplenishmentModel.Build(Purchases(), _now, Options()).Prediction(1, 1, 100);

        prediction.ScoreAt(prediction.DueUtc).Should().BeApproximately(prediction.Confidence, 1e-12);
        prediction.ScoreAt(prediction.DueUtc.AddDays(3)).Should().BeLessThan(prediction.Confidence);
        prediction.ScoreAt(prediction.DueUtc.AddDays(-3)).Should().BeApproximately(prediction.ScoreAt(prediction.DueUtc.AddDays(3)), 1e-12);
    }

    [Test]
    public void RepeatPropensityIsShrunkTowardsTheStoreShare()
    {
        var model = ReplenishmentModel.Build(Purchases(), _now, new ReplenishmentOptions { PropensityPriorBuyers = 10 });

        // store share = 3 repeat buyers / 5 buyer-product pairs = 0.6
        model.RepeatPropensity(1, 100).Should().BeApproximately((3 + 10 * 0.6) / (4 + 10), 1e-12);
        model.RepeatPropensity(1, 200).Should().BeApproximately((0 + 10 * 0.6) / (1 + 10), 1e-12);
        model.RepeatPropensity(1, 999).Should().BeApproximately(0.6, 1e-12);
        model.RepeatPropensity(2, 100).Should().Be(0);
    }

    [Test]
    public void StoresDoNotShareCycles()
    {
        var interactions = Purchases().Concat(new[] { Buy(1, 100, 0, store: 2), Buy(1, 100, 50, store: 2) }).ToArray();

        var model = ReplenishmentModel.Build(interactions, _now, Options(support: 1));

        model.Cycle(2, 100).MedianDays.Should().Be(50);
        model.Cycle(1, 100).MedianDays.Should().Be(13);
    }

    [Test]
    public void IsDeterministicAndWellFormed()
    {
        var random = new Random(5);
        var interactions = Enumerable.Range(0, 3000)
            .Select(_ => Buy(random.Next(1, 60), random.Next(1, 15), random.Next(0, 365)))
            .ToArray();
        var reversed = interactions.Reverse().ToArray();

        var a = ReplenishmentModel.Build(interactions, _day0.AddDays(365), Options(support: 3, tolerance: 0.25));
        var b = ReplenishmentModel.Build(reversed, _day0.AddDays(365), Options(support: 3, tolerance: 0.25));

        b.Predictions.Should().Equal(a.Predictions);
        b.Products.Should().Equal(a.Products);
        a.Predictions.Should().NotBeEmpty();
        foreach (var prediction in a.Predictions)
        {
            prediction.DueUtc.Should().BeAfter(prediction.LastPurchaseUtc);
            double.IsFinite(prediction.CycleDays).Should().BeTrue();
            prediction.Confidence.Should().BeInRange(0, 1);
            prediction.OwnWeight.Should().BeInRange(0, 1);
            prediction.CycleDays.Should().BeInRange(
                Math.Min(prediction.OwnMedianDays.Value, prediction.ProductMedianDays) - 1e-9,
                Math.Max(prediction.OwnMedianDays.Value, prediction.ProductMedianDays) + 1e-9);
        }

        foreach (var cycle in a.Products.Where(c => c.Intervals > 0))
        {
            cycle.LowerQuartileDays.Should().BeLessThanOrEqualTo(cycle.MedianDays);
            cycle.MedianDays.Should().BeLessThanOrEqualTo(cycle.UpperQuartileDays);
            cycle.RepeatPropensity.Should().BeInRange(0, 1);
        }
    }
}
