using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine;

[TestFixture]
public class PopularityTests
{
    [Test]
    public void TrendingDecaysWithHalfLife()
    {
        // purchase weight 5: one now, one 14 days ago with a 14-day half-life -> 5 + 2.5
        var events = new EventsBuilder().Order(1, 0, 1).Order(2, 14, 1).View(3, 28, 2);
        var options = new TrainingOptions { TrendingHalfLifeDays = 14 };
        var s = EngineTrainer.Train(events.Events, Array.Empty<ProductFacts>(), options, EventsBuilder.Now);
        s.Popularity.TrendingOf(s.Catalog.IndexOf(1)).Should().BeApproximately(7.5f, 1e-4f);
        s.Popularity.TrendingOf(s.Catalog.IndexOf(2)).Should().BeApproximately(0.25f, 1e-4f);
        s.Popularity.CustomersOf(s.Catalog.IndexOf(1)).Should().Be(2);
    }

    [Test]
    public void TrendingListsPerStoreAndCategory()
    {
        var facts = new[] { EventsBuilder.Facts(1, 10), EventsBuilder.Facts(2, 10), EventsBuilder.Facts(3, 20), EventsBuilder.Facts(4, 20) };
        var events = new EventsBuilder().Order(1, 1, 1).Order(2, 1, 1).Order(3, 1, 2).Order(4, 1, 3).Order(5, 1, 3).Order(6, 1, 3);
        var s = EngineTrainer.Train(events.Events, facts, new TrainingOptions(), EventsBuilder.Now);
        s.Popularity.TopInStore().ToArray().Select(s.Catalog.ProductIdAt).Should().Equal(3, 1, 2);
        s.Popularity.TopInCategory(10).ToArray().Select(s.Catalog.ProductIdAt).Should().Equal(1, 2);
        s.Popularity.TopInCategory(20).ToArray().Select(s.Catalog.ProductIdAt).Should().Equal(3, 4);
        s.Popularity.TopInCategory(99).Length.Should().Be(0);
    }

    [Test]
    public void IgnoresEventsAfterTheTrainingInstant()
    {
        var events = new EventsBuilder().Order(1, -1, 1).Order(2, 1, 2);
        var s = EngineTrainer.Train(events.Events, Array.Empty<ProductFacts>(), new TrainingOptions(), EventsBuilder.Now);
        s.Catalog.IndexOf(1).Should().Be(-1);
        s.EventCount.Should().Be(1);
    }

    [Test]
    public void SeasonalIndexNeedsAYearOfHistory()
    {
        var events = new EventsBuilder().Order(1, 200, 1).Order(2, 1, 1);
        var s = EngineTrainer.Train(events.Events, Array.Empty<ProductFacts>(), new TrainingOptions(), EventsBuilder.Now);
        s.Seasonal.IsAvailable.Should().BeFalse();
        s.Seasonal.IndexOf(0, 10).Should().Be(1);
    }

    [Test]
    public void SeasonalIndexFindsThePeakWeek()
    {
        // one view a week for two years, plus ten extra views in ISO week 50 of each year, in category 7
        var facts = new[] { EventsBuilder.Facts(1, 7) };
        var builder = new EventsBuilder();
        var start = new DateTime(2022, 1, 3, 12, 0, 0, DateTimeKind.Utc);
        for (var week = 0; week < 104; week++)
        {
            var day = start.AddDays(7 * week);
            builder.Add(new Interaction(1, week, 1, InteractionType.View, day));
            if (System.Globalization.ISOWeek.GetWeekOfYear(day) == 50)
            {
                for (var extra = 0; extra < 10; extra++)
                    builder.Add(new Interaction(1, 1000 + extra, 1, InteractionType.View, day));
            }
        }
        var s = EngineTrainer.Train(builder.Events, facts, new TrainingOptions(), start.AddDays(7 * 104));
        s.Seasonal.IsAvailable.Should().BeTrue();
        // week 50: (1 + 2*11 + 1) / 4 = 6 views against a mean week of (52 + 10) / 52
        var mean = 62.0 / 52;
        s.Seasonal.IndexOf(7, 50).Should().BeApproximately(6 / mean, 1e-3);
        s.Seasonal.IndexOf(7, 20).Should().BeApproximately(1 / mean, 1e-3);
        s.Seasonal.IndexOf(0, 50).Should().BeApproximately(6 / mean, 1e-3);
        s.Seasonal.IndexOf(7, 49).Should().BeApproximately((1 + 2 + 11) / 4.0 / mean, 1e-3);
    }

    [Test]
    public void RepeatStatsMedianIntervalAndReplenishable()
    {
        // product 1: customer 1 buys every 10 days (3 times), customer 2 every 30 days, customer 3 once, customer 4 twice on one day
        var events = new EventsBuilder()
            .Order(1, 60, 1).Order(1, 50, 1).Order(1, 40, 1)
            .Order(2, 60, 1).Order(2, 30, 1)
            .Order(3, 60, 1)
            .Add(EventsBuilder.Purchase(4, 1, 20.1, 77)).Add(EventsBuilder.Purchase(4, 1, 20.0, 78));
        var options = new TrainingOptions { MinRepeatBuyers = 2, MinRepeatRate = 0.5 };
        var s = EngineTrainer.Train(events.Events, Array.Empty<ProductFacts>(), options, EventsBuilder.Now);
        var i = s.Catalog.IndexOf(1);
        s.Repeat.RepeatBuyersOf(i).Should().Be(2);
        s.Repeat.RepeatRateOf(i).Should().BeApproximately(0.5, 1e-6);
        s.Repeat.MedianIntervalDaysOf(i).Should().BeApproximately(10, 1e-6);
        s.Repeat.IsReplenishable(i).Should().BeTrue();
    }

    [Test]
    public void MomentumIsShortOverLongTermPopularity()
    {
        // 1 sold steadily long ago, 2 only recently: 2 is rising
        var events = new EventsBuilder();
        for (var d = 0; d < 10; d++)
            events.Order(d, 100 + d, 1);
        events.Order(50, 1, 2).Order(51, 2, 2);
        var options = new TrainingOptions { TrendingHalfLifeDays = 7, LongTrendingHalfLifeDays = 180 };
        var s = EngineTrainer.Train(events.Events, Array.Empty<ProductFacts>(), options, EventsBuilder.Now);
        s.Popularity.MomentumOf(s.Catalog.IndexOf(2)).Should().BeGreaterThan(1);
        s.Popularity.MomentumOf(s.Catalog.IndexOf(1)).Should().BeLessThan(1);
    }
}
