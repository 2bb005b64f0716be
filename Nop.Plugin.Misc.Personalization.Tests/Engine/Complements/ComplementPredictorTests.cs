using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Complements;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Complements;

[TestFixture]
public class ComplementPredictorTests
{
    private const int A = 1, B = 2, C = 3, D = 4;
    private const int SHOPPER = 9;
    private static readonly DateTime _now = EventsBuilder.Now;
    private static readonly ComplementOptions _options = new();

    //P(B after A) = 3/4 with lags 10, 20, 40 (median 20); P(C after D) = 2/2 with lags 2 and 4 (median 3)
    private static EventsBuilder History() => new EventsBuilder()
        .Order(1, 300, A).Order(1, 290, B)
        .Order(2, 300, A).Order(2, 280, B)
        .Order(3, 300, A).Order(3, 260, B)
        .Order(4, 300, A)
        .Order(5, 300, D).Order(5, 298, C)
        .Order(6, 300, D).Order(6, 296, C);

    private static ModelSnapshot Train(EventsBuilder events, int minRepeatBuyers = 3)
    {
        var options = new TrainingOptions
        {
            Sequential = new NeighbourOptions { Measure = SimilarityMeasure.Conditional, MinSupport = 1 },
            SequentialWindowDays = 60,
            MinRepeatBuyers = minRepeatBuyers,
            StoreId = 1
        };
        return EngineTrainer.Train(events.Events, Array.Empty<ProductFacts>(), options, _now);
    }

    private static IReadOnlyList<ComplementPrediction> Predict(ModelSnapshot snapshot, params Interaction[] shopper) =>
        ComplementPredictor.ForCustomer(snapshot, SHOPPER, shopper, _now, _options);

    private static Interaction Bought(int product, double daysAgo) => EventsBuilder.Purchase(SHOPPER, product, daysAgo);

    [Test]
    public void AFollowerIsDueAtTheMedianLagWithAWindowOfTwoLagsScoredByHowMuchOfItIsLeft()
    {
        var prediction = Predict(Train(History()), Bought(A, 5)).Should().ContainSingle().Subject;

        prediction.ProductId.Should().Be(B);
        prediction.AnchorProductId.Should().Be(A);
        prediction.AnchorUtc.Should().Be(_now.AddDays(-5));
        prediction.MedianLagDays.Should().BeApproximately(20, 1e-4);
        prediction.ExpectedUtc.Should().BeCloseTo(_now.AddDays(15), TimeSpan.FromSeconds(1));
        prediction.WindowEndUtc.Should().BeCloseTo(_now.AddDays(35), TimeSpan.FromSeconds(1));
        prediction.Strength.Should().BeApproximately(0.75, 1e-6);
        prediction.Score.Should().BeApproximately(0.75 * (1 - 5.0 / 40), 1e-6);
        prediction.StoreId.Should().Be(1);
        prediction.CustomerId.Should().Be(SHOPPER);
    }

    [Test]
    public void NothingIsPredictedOnceTheWindowHasPassed()
    {
        Predict(Train(History()), Bought(A, 41)).Should().BeEmpty();
        Predict(Train(History()), Bought(A, 39)).Should().ContainSingle();
    }

    [Test]
    public void AShortLagStillGetsTheMinimumWindow()
    {
        //median lag 3 days: twice that is 6, raised to the 7-day minimum
        var prediction = Predict(Train(History()), Bought(D, 1)).Should().ContainSingle().Subject;

        prediction.ProductId.Should().Be(C);
        prediction.WindowDays.Should().BeApproximately(7, 1e-4);
        prediction.Score.Should().BeApproximately(1 - 1.0 / 7, 1e-6);
    }

    [Test]
    public void AWindowNeverOutlastsWhatTheTableCounted()
    {
        var options = _options with { MaxWindowDays = 30 };

        var prediction = ComplementPredictor.ForCustomer(Train(History()), SHOPPER, [Bought(A, 5)], _now, options).Should().ContainSingle().Subject;

        prediction.WindowDays.Should().BeApproximately(30, 1e-4);
    }

    [Test]
    public void AFollowerAlreadyBoughtAfterTheAnchorIsNotPredicted()
    {
        Predict(Train(History()), Bought(A, 10), Bought(B, 2)).Should().BeEmpty();
        //in the same order counts as already bought too
        Predict(Train(History()), Bought(A, 10), Bought(B, 10)).Should().BeEmpty();
    }

    [Test]
    public void AFollowerBoughtBeforeTheAnchorIsPredictedOnlyWhenReplenishable()
    {
        Predict(Train(History()), Bought(B, 20), Bought(A, 5)).Should().BeEmpty("B is not re-bought by anyone: owned");

        //customer 1 re-buys B: with one repeat buyer enough, B is replenishable
        var rebought = History().Order(1, 250, B);
        Predict(Train(rebought, minRepeatBuyers: 1), Bought(B, 20), Bought(A, 5))
            .Should().ContainSingle().Which.ProductId.Should().Be(B);
    }

    [Test]
    public void TheLatestPurchaseOfTheAnchorStartsTheWindow()
    {
        var prediction = Predict(Train(History()), Bought(A, 50), Bought(A, 5)).Should().ContainSingle().Subject;

        prediction.AnchorUtc.Should().Be(_now.AddDays(-5));
    }

    [Test]
    public void PurchasesAfterNowAndOtherInteractionsAreIgnored()
    {
        Predict(Train(History()), EventsBuilder.Viewed(SHOPPER, A, 5), Bought(A, -1)).Should().BeEmpty();
    }

    [Test]
    public void AProductFollowingTwoAnchorsKeepsTheBetterOneAndTheListIsCappedBestFirst()
    {
        //B follows A (3/4, median 20) and D (1/2 of D's buyers, lag 10)
        var events = History().Order(5, 280, B);
        var snapshot = Train(events);

        var predictions = ComplementPredictor.ForCustomer(snapshot, SHOPPER, [Bought(A, 5), Bought(D, 1)], _now, _options);

        predictions.Select(p => p.ProductId).Should().Equal(C, B);
        predictions[1].AnchorProductId.Should().Be(A, "0.75 x 35/40 beats 0.5 x 19/20");
        ComplementPredictor.ForCustomer(snapshot, SHOPPER, [Bought(A, 5), Bought(D, 1)], _now, _options with { MaxPerCustomer = 1 })
            .Should().ContainSingle().Which.ProductId.Should().Be(C);
    }

    [Test]
    public void ForStoreGroupsByCustomerAndSkipsCustomersWithoutARecentPurchase()
    {
        var snapshot = Train(History());
        var interactions = new[]
        {
            EventsBuilder.Purchase(20, A, 5), EventsBuilder.Purchase(21, A, 90), EventsBuilder.Purchase(0, A, 5),
            EventsBuilder.Purchase(22, D, 1), EventsBuilder.Purchase(23, A, 5, store: 2)
        };

        var predictions = ComplementPredictor.ForStore(snapshot, interactions, _now, _options);

        predictions.Select(p => (p.CustomerId, p.ProductId)).Should().Equal((20, B), (22, C));
    }
}
