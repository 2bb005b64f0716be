using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine;

[TestFixture]
public class ColdStartTests
{
    // categories: 10 = {1, 2, 5 (new, no events)}, 20 = {3, 4}; manufacturer 7 makes 1 and 5
    private static readonly ProductFacts[] _facts =
    {
        EventsBuilder.Facts(1, 10, 7, 10m), EventsBuilder.Facts(2, 10, 8, 100m), EventsBuilder.Facts(3, 20),
        EventsBuilder.Facts(4, 20), EventsBuilder.Facts(5, 10, 7, 11m), EventsBuilder.Facts(6, 10, 7, 10m, published: false)
    };

    private static Recommender Build()
    {
        var events = new EventsBuilder().Order(1, 3, 1).Order(2, 2, 2).Order(3, 1, 3).Order(4, 1, 3).Order(5, 1, 3).Order(6, 1, 4);
        return new Recommender(EngineTrainer.Train(events.Events, _facts, new TrainingOptions(), EventsBuilder.Now));
    }

    [Test]
    public void NewVisitorGetsStoreTrending()
    {
        var result = Build().ForCustomer(ReadOnlySpan<Interaction>.Empty, EventsBuilder.Now, 2);
        result[0].ProductId.Should().Be(3);
        result[0].Reasons[0].Kind.Should().BeOneOf(ReasonKind.Trending, ReasonKind.TrendingInCategory);
    }

    [Test]
    public void NewVisitorInACategoryGetsWhatTrendsThere()
    {
        var result = Build().ForCustomer(ReadOnlySpan<Interaction>.Empty, EventsBuilder.Now, 2, new RequestContext { CategoryId = 10 });
        result.Select(r => r.ProductId).Should().Equal(2, 1);
        result[0].Reasons[0].Should().Be(new Reason(ReasonKind.TrendingInCategory, 0, 10));
    }

    [Test]
    public void ProductWithoutInteractionsGetsContentNeighbours()
    {
        var result = Build().Similar(5, 3);
        result.Select(r => r.ProductId).Should().NotContain(5).And.NotContain(6, "unpublished products are never returned");
        result[0].ProductId.Should().Be(1, "same category, manufacturer and price band");
        result[0].Reasons.Should().Contain(new Reason(ReasonKind.SameManufacturer, 5, 0, 7));
        result[0].Reasons.Should().Contain(new Reason(ReasonKind.SameCategory, 5, 10));
    }

    [Test]
    public void ContentNeighboursOfAProductTheSnapshotHasNeverSeen()
    {
        var brandNew = new ProductFacts(99, new[] { 20 }, 0, 5m, true, true, EventsBuilder.Now);
        var result = Build().ContentNeighbours(brandNew, 5);
        result.Select(r => r.ProductId).Should().BeEquivalentTo(new[] { 3, 4 });
        result[0].ProductId.Should().Be(3, "equal content, more popular");
    }

    [Test]
    public void TrendingInCategory()
    {
        var result = Build().Trending(20, 5, EventsBuilder.Now);
        result.Select(r => r.ProductId).Should().Equal(3, 4);
        result[0].Reasons[0].Should().Be(new Reason(ReasonKind.TrendingInCategory, 0, 20));
        Build().Trending(null, 1, EventsBuilder.Now)[0].Reasons[0].Kind.Should().Be(ReasonKind.Trending);
    }

    [Test]
    public void UnknownProductGivesNothingRatherThanAnError()
    {
        Build().Similar(12345, 5).Should().BeEmpty();
        Build().BoughtTogether(12345, 5).Should().BeEmpty();
    }

    [Test]
    public void ProductWithFewNeighboursKeepsNeighbourReasonsAndFillsWithContent()
    {
        // 1 and 2 were bought together twice; 1's category also holds 5 (no events)
        var events = new EventsBuilder().Order(1, 3, 1, 2).Order(2, 2, 1, 2);
        var options = new TrainingOptions { Similar = new NeighbourOptions { MinSupport = 1 } };
        var recommender = new Recommender(EngineTrainer.Train(events.Events, _facts, options, EventsBuilder.Now));
        var result = recommender.Similar(1, 3);
        result[0].ProductId.Should().Be(2);
        result[0].Reasons.Should().Equal(new Reason(ReasonKind.SimilarTo, 1));
        result.Skip(1).Select(r => r.ProductId).Should().Contain(5);
        result.Single(r => r.ProductId == 5).Reasons.Should().Contain(new Reason(ReasonKind.SameCategory, 1, 10));
    }

    [Test]
    public void TrendingIsAdjustedBySeasonWhenAYearOfHistoryExists()
    {
        // two years: category 10 sells every week, with a jump in ISO week 50 each year; category 20 sells flat
        var facts = new[] { EventsBuilder.Facts(1, 10), EventsBuilder.Facts(3, 20) };
        var builder = new EventsBuilder();
        var start = new DateTime(2022, 1, 3, 12, 0, 0, DateTimeKind.Utc);
        for (var week = 0; week < 104; week++)
        {
            var day = start.AddDays(7 * week);
            builder.Add(EventsBuilder.Purchase(week, 1, (EventsBuilder.Now - day).TotalDays));
            builder.Add(EventsBuilder.Purchase(week, 3, (EventsBuilder.Now - day).TotalDays));
            if (System.Globalization.ISOWeek.GetWeekOfYear(day) == 50)
            {
                for (var extra = 0; extra < 10; extra++)
                    builder.Add(EventsBuilder.Purchase(500 + extra, 1, (EventsBuilder.Now - day).TotalDays));
            }
        }
        var recommender = new Recommender(EngineTrainer.Train(builder.Events, facts, new TrainingOptions(), EventsBuilder.Now));
        // in ISO week 48 the next week's index rises for category 10
        var week48 = System.Globalization.ISOWeek.ToDateTime(2023, 48, DayOfWeek.Wednesday);
        var result = recommender.Trending(10, 1, week48);
        result[0].Reasons.Should().Contain(r => r.Kind == ReasonKind.Seasonal && r.CategoryId == 10 && r.Value > 1);
        recommender.Trending(20, 1, week48)[0].Reasons.Should().NotContain(r => r.Kind == ReasonKind.Seasonal);
    }
}
