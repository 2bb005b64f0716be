using System.Globalization;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Snapshots;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Seasonality;

/// <summary>The week-of-year index on hand-made histories whose answer is worked out by hand in each test.</summary>
[TestFixture]
public class SeasonalIndexTests
{
    // a Monday in ISO week 1 of 2022; two whole ISO years (2022 and 2023 have 52 weeks each) end at Now
    private static readonly DateTime _start = new(2022, 1, 3, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime _now = _start.AddDays(7 * 104).Date;
    private static readonly TrainingOptions _wholeHistory = new() { Seasonal = new SeasonalOptions { RecentDaysExcluded = 0, Shrinkage = 20 } };

    /// <summary>
    /// Category 7: product 1 is viewed once every week (104 views), product 2 five times in ISO week 20 of each year
    /// (10 views); category 8's product 3 once every week.
    /// </summary>
    private static List<Interaction> TwoYears()
    {
        var events = new List<Interaction>();
        for (var week = 0; week < 104; week++)
        {
            var day = _start.AddDays(7 * week);
            events.Add(new Interaction(1, 1 + week, 1, InteractionType.View, day));
            events.Add(new Interaction(1, 1 + week, 3, InteractionType.View, day));
            if (ISOWeek.GetWeekOfYear(day) == 20)
            {
                for (var k = 0; k < 5; k++)
                    events.Add(new Interaction(1, 500 + k, 2, InteractionType.View, day));
            }
        }
        return events;
    }

    private static readonly ProductFacts[] _facts = { EventsBuilder.Facts(1, 7), EventsBuilder.Facts(2, 7), EventsBuilder.Facts(3, 8) };

    [Test]
    public void CategoryIndexIsWeightPerWeekOfHistoryOverTheMeanWeek()
    {
        var s = EngineTrainer.Train(TwoYears(), _facts, _wholeHistory, _now).Seasonal;

        // category 7 per week of history: 1 view, 6 in week 20; mean week 57/52; smoothing (1, 2, 1) / 4
        var mean = 57.0 / 52;
        s.IndexOf(7, 20).Should().BeApproximately((1 + 2 * 6 + 1) / 4.0 / mean, 1e-4);
        s.IndexOf(7, 19).Should().BeApproximately((1 + 2 + 6) / 4.0 / mean, 1e-4);
        s.IndexOf(7, 30).Should().BeApproximately(1 / mean, 1e-4);
        s.IndexOf(8, 20).Should().BeApproximately(1, 1e-4);
    }

    [Test]
    public void ProductRowIsShrunkTowardsItsCategoryByItsOwnWeight()
    {
        var snapshot = EngineTrainer.Train(TwoYears(), _facts, _wholeHistory, _now);
        var s = snapshot.Seasonal;
        var catalog = snapshot.Catalog;
        var mean = 57.0 / 52;
        double Category7(int week) => s.IndexOf(7, week);

        // product 2: 10 views, share 10 / (10 + 20); its own index: 5 a week of history in week 20 against a mean of 5/52
        var two = catalog.IndexOf(2);
        var share = 10.0 / 30;
        s.HasProductRow(two).Should().BeTrue();
        s.ProductIndexOf(two, catalog.CategoriesOf(two), 20).Should().BeApproximately(share * (2 * 5 / 4.0 / (5.0 / 52)) + (1 - share) * Category7(20), 1e-3);
        s.ProductIndexOf(two, catalog.CategoriesOf(two), 19).Should().BeApproximately(share * (5 / 4.0 / (5.0 / 52)) + (1 - share) * Category7(19), 1e-3);
        s.ProductIndexOf(two, catalog.CategoriesOf(two), 30).Should().BeApproximately((1 - share) * (1 / mean), 1e-3);

        // product 1: flat on its own (index 1), 104 views, share 104 / 124
        var one = catalog.IndexOf(1);
        var oneShare = 104.0 / 124;
        s.ProductIndexOf(one, catalog.CategoriesOf(one), 20).Should().BeApproximately(oneShare + (1 - oneShare) * Category7(20), 1e-3);
    }

    [Test]
    public void AProductWithTooLittleDataFollowsItsCategory()
    {
        // shrinkage 60: product 2's 10 views are under a quarter of it, so it keeps no row of its own
        var options = _wholeHistory with { Seasonal = _wholeHistory.Seasonal with { Shrinkage = 60 } };
        var snapshot = EngineTrainer.Train(TwoYears(), _facts, options, _now);
        var two = snapshot.Catalog.IndexOf(2);

        snapshot.Seasonal.HasProductRow(two).Should().BeFalse();
        snapshot.Seasonal.ProductIndexOf(two, snapshot.Catalog.CategoriesOf(two), 20).Should().BeApproximately(snapshot.Seasonal.IndexOf(7, 20), 1e-6);
    }

    [Test]
    public void RecentWeeksAreLeftOutSoThisMonthIsNotASeason()
    {
        // product 4 (category 9) sells only in the last two weeks: trending, not seasonal
        var events = TwoYears();
        for (var k = 0; k < 20; k++)
            events.Add(new Interaction(1, 900 + k, 4, InteractionType.View, _now.AddDays(-1 - k % 14)));
        var facts = _facts.Append(EventsBuilder.Facts(4, 9)).ToArray();

        var s = EngineTrainer.Train(events, facts, new TrainingOptions(), _now).Seasonal;

        s.IsAvailable.Should().BeTrue();
        s.IndexOf(9, ISOWeek.GetWeekOfYear(_now.AddDays(-3))).Should().Be(1);
        // the same events count once the exclusion is off
        EngineTrainer.Train(events, facts, _wholeHistory, _now).Seasonal.IndexOf(9, ISOWeek.GetWeekOfYear(_now.AddDays(-3))).Should().BeGreaterThan(10);
    }

    [Test]
    public void WeeksTheHistoryNeverCoveredAreNeutral()
    {
        // 30 weeks of history from ISO week 1, allowed by a shorter minimum: week 40 was never seen
        var events = TwoYears().Where(e => e.TimeUtc < _start.AddDays(7 * 30)).ToList();
        var options = _wholeHistory with { Seasonal = _wholeHistory.Seasonal with { MinHistoryDays = 150 } };

        var s = EngineTrainer.Train(events, _facts, options, _start.AddDays(7 * 30)).Seasonal;

        s.IsAvailable.Should().BeTrue();
        s.IndexOf(7, 40).Should().Be(1);
        // covered weeks: 1 view, 6 in week 20; mean (29 + 6) / 30
        s.IndexOf(7, 20).Should().BeApproximately((1 + 2 * 6 + 1) / 4.0 / (35.0 / 30), 1e-4);
        // week 1's earlier neighbour (week 52) was never covered: (2 x 1 + 1) / 3
        s.IndexOf(7, 1).Should().BeApproximately(1 / (35.0 / 30), 1e-4);
    }

    [Test]
    public void SeasonIsTheMeanIndexOverItsWeeksClamped()
    {
        var snapshot = EngineTrainer.Train(TwoYears(), _facts, _wholeHistory, _now);
        var s = snapshot.Seasonal;
        var two = snapshot.Catalog.IndexOf(2);
        var categories = snapshot.Catalog.CategoriesOf(two);
        var week19 = ISOWeek.ToDateTime(2024, 19, DayOfWeek.Monday);

        s.SeasonOf(two, categories, week19, 2).Should().BeApproximately(
            Math.Min(5, (s.ProductIndexOf(two, categories, 19) + s.ProductIndexOf(two, categories, 20)) / 2), 1e-6);
        s.SeasonOf(two, categories, ISOWeek.ToDateTime(2024, 20, DayOfWeek.Monday), 1).Should().Be(5, "week 20's index (about 11) is clamped");
        s.SeasonOf(two, categories, ISOWeek.ToDateTime(2024, 30, DayOfWeek.Monday), 1).Should().BeApproximately(
            (1 - 10.0 / 30) * 52 / 57.0, 1e-6);
    }

    [Test]
    public void SnapshotKeepsTheProductRows()
    {
        var snapshot = EngineTrainer.Train(TwoYears(), _facts, _wholeHistory, _now);
        var loaded = SnapshotSerializer.Deserialize(SnapshotSerializer.Serialize(snapshot));
        var two = snapshot.Catalog.IndexOf(2);

        loaded.Seasonal.HasProductRow(two).Should().BeTrue();
        for (var week = 1; week <= 53; week++)
            loaded.Seasonal.ProductIndexOf(two, loaded.Catalog.CategoriesOf(two), week).Should().Be(snapshot.Seasonal.ProductIndexOf(two, snapshot.Catalog.CategoriesOf(two), week));
        loaded.Scoring.SeasonalWeight.Should().Be(snapshot.Scoring.SeasonalWeight);
    }
}
