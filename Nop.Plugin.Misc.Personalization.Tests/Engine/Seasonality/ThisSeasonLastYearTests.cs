using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Seasonality;

/// <summary>
/// "This season last year" in personal scoring: the shopper bought product 1 (category 10) 52 weeks ago and product 2
/// (category 20) 26 weeks ago, nobody else bought either; product 9 (category 90) sells every week for two years.
/// </summary>
[TestFixture]
public class ThisSeasonLastYearTests
{
    private const int SHOPPER = 50;
    private static readonly DateTime _now = EventsBuilder.Now;

    private static ModelSnapshot Train(ScoringOptions scoring)
    {
        var builder = new EventsBuilder();
        for (var week = 1; week <= 104; week++)
            builder.Add(EventsBuilder.Purchase(100 + week % 20, 9, 7 * week, 5000 + week));
        builder.Add(EventsBuilder.Purchase(SHOPPER, 1, 364, 1));
        builder.Add(EventsBuilder.Purchase(SHOPPER, 2, 182, 2));
        var facts = new[] { EventsBuilder.Facts(1, 10), EventsBuilder.Facts(2, 20), EventsBuilder.Facts(9, 90) };
        return EngineTrainer.Train(builder.Events, facts, new TrainingOptions { Scoring = scoring }, _now);
    }

    private static Interaction[] History() => new[] { EventsBuilder.Purchase(SHOPPER, 1, 364, 1), EventsBuilder.Purchase(SHOPPER, 2, 182, 2) };

    private static IReadOnlyList<Recommendation> BuyAgain(ModelSnapshot snapshot) =>
        new Recommender(snapshot).ForCustomer(History(), _now, 2, new RequestContext { Purchased = PurchasedProducts.Only });

    [Test]
    public void WithoutTheSignalTheMoreRecentPurchaseComesFirst()
    {
        BuyAgain(Train(new ScoringOptions { SeasonalWeight = 0 })).Select(r => r.ProductId).Should().Equal(2, 1);
    }

    [Test]
    public void WhatTheShopperBoughtThisSeasonLastYearComesFirstByTheKnownFactor()
    {
        var snapshot = Train(new ScoringOptions());
        var picks = BuyAgain(snapshot);

        picks.Select(r => r.ProductId).Should().Equal(1, 2);
        // score = (repeat share, x (1 + weight) for last season's purchase, + the prior: popularity weight x (trending +
        // weight x top trending x expected share of the season) / top trending) x season^weight. Product 1 is the only
        // product in season (expected share 1); trending of 1 and 2 is nil next to product 9's (half-life 14 days).
        var scoring = snapshot.Scoring;
        var weight = scoring.SeasonalWeight;
        var catalog = snapshot.Catalog;
        double Season(int productId) => Math.Pow(snapshot.Seasonal.SeasonOf(catalog.IndexOf(productId), catalog.CategoriesOf(catalog.IndexOf(productId)), _now, 2), weight);
        double decay1 = double.Exp2(-364 / 90.0), decay2 = double.Exp2(-182 / 90.0);
        var score1 = (scoring.RepeatWeight * decay1 / (decay1 + decay2) * (1 + weight) + scoring.PopularityWeight * weight) * Season(1);
        var score2 = scoring.RepeatWeight * decay2 / (decay1 + decay2) * Season(2);
        var expected = score1 / score2;
        Season(1).Should().BeApproximately(Math.Sqrt(SeasonalIndex.MAX_FACTOR), 1e-6, "category 10 sold only in this week, a year ago");
        Season(2).Should().BeApproximately(Math.Sqrt(SeasonalIndex.MIN_FACTOR), 1e-6, "category 20 sold only half a year away");
        (picks[0].Score / picks[1].Score).Should().BeApproximately(expected, expected * 0.01);
    }
}
