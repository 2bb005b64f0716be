using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Measurement;

[TestFixture]
public class DailySeriesTests
{
    private static readonly DateTime _from = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime _to = new(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc);

    private static MeasurementEvent Click(string placement, DateTime at) => new(1, InteractionType.RecommendationClick, 5, placement, 0, 0, 0m, at);

    [Test]
    public void EveryDayOfThePeriodIsThereWithZerosAndCountsLandOnTheirDay()
    {
        var series = DailySeries.Build(_from, _to,
            [("7", _from.Date, 10), ("7", _from.Date.AddDays(2), 4), ("8", _from.Date.AddDays(1), 3), ("7", _from.Date.AddDays(-1), 99)],
            [Click("7", _from.AddHours(1)), Click("7", _from.AddHours(2)), Click("8", _to), Click("9", _from.AddDays(-2)),
             new MeasurementEvent(1, InteractionType.Purchase, 5, "7", 3, 1, 10m, _from.AddHours(3))]);

        series.Days.Should().Equal(_from.Date, _from.Date.AddDays(1), _from.Date.AddDays(2), _from.Date.AddDays(3));
        series.Placements.Select(p => p.Placement).Should().Equal("7", "8");
        series.Placements[0].Impressions.Should().Equal(10, 0, 4, 0);
        series.Placements[0].Clicks.Should().Equal(2, 0, 0, 0);
        series.Placements[1].Impressions.Should().Equal(0, 3, 0, 0);
        series.Placements[1].Clicks.Should().Equal(0, 0, 0, 1);
    }
}
