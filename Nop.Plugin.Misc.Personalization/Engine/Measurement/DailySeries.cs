using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.Measurement;

/// <summary>
/// Impressions and clicks per placement and UTC day over a period, every day present (zeros included), for the
/// performance charts.
/// </summary>
public sealed record DailySeries(IReadOnlyList<DateTime> Days, IReadOnlyList<PlacementSeries> Placements)
{
    /// <param name="impressions">Counted renders: placement key, UTC day, renders.</param>
    /// <param name="events">The period's events; clicks are counted by their placement and day.</param>
    public static DailySeries Build(DateTime fromUtc, DateTime toUtc, IEnumerable<(string Placement, DateTime DayUtc, long Renders)> impressions,
        IEnumerable<MeasurementEvent> events)
    {
        ArgumentNullException.ThrowIfNull(impressions);
        ArgumentNullException.ThrowIfNull(events);

        var days = new List<DateTime>();
        for (var day = fromUtc.Date; day <= toUtc.Date; day = day.AddDays(1))
            days.Add(day);
        var index = days.Select((day, i) => (day, i)).ToDictionary(pair => pair.day, pair => pair.i);

        var series = new SortedDictionary<string, (long[] Impressions, long[] Clicks)>(StringComparer.Ordinal);
        (long[] Impressions, long[] Clicks) Of(string placement) =>
            series.TryGetValue(placement, out var found) ? found : series[placement] = (new long[days.Count], new long[days.Count]);

        foreach (var (placement, dayUtc, renders) in impressions)
        {
            if (!string.IsNullOrEmpty(placement) && index.TryGetValue(dayUtc.Date, out var i))
                Of(placement).Impressions[i] += renders;
        }

        foreach (var click in events.Where(e => e.Type == InteractionType.RecommendationClick && !string.IsNullOrEmpty(e.Placement)))
        {
            if (index.TryGetValue(click.TimeUtc.Date, out var i))
                Of(click.Placement).Clicks[i]++;
        }

        return new DailySeries(days, series.Select(pair => new PlacementSeries(pair.Key, pair.Value.Impressions, pair.Value.Clicks)).ToList());
    }
}

/// <summary>One placement's impressions and clicks, one value per day of <see cref="DailySeries.Days"/>.</summary>
public sealed record PlacementSeries(string Placement, IReadOnlyList<long> Impressions, IReadOnlyList<long> Clicks);
