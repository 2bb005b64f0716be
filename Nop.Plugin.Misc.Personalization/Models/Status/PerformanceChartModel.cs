namespace Nop.Plugin.Misc.Personalization.Models.Status;

/// <summary>
/// What the performance charts draw, serialised into the page for Chart.js: one entry per day, one series per
/// placement, and the attributed revenue per placement.
/// </summary>
public sealed record PerformanceChartModel
{
    public IList<string> Days { get; init; } = [];

    public IList<PerformanceChartSeries> Placements { get; init; } = [];

    public IDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}

/// <param name="ClickThroughRates">Clicks per impression each day, null on a day without impressions.</param>
public sealed record PerformanceChartSeries(string Name, IList<long> Impressions, IList<long> Clicks, IList<double?> ClickThroughRates, decimal AttributedRevenue);
