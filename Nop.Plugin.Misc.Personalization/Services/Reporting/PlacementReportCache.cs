using System.Collections.Concurrent;

namespace Nop.Plugin.Misc.Personalization.Services.Reporting;

/// <summary>
/// The placement report of each store scope and period, kept for a minute on this node: reloading the configuration
/// page (each save, each action returns to it) does not read the period's clicks and purchases again, and what
/// happened since shows within a minute.
/// </summary>
public sealed class PlacementReportCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(int StoreScope, int Days), (PlacementReport Report, DateTimeOffset Expires)> _reports = new();
    private readonly TimeProvider _timeProvider;

    public PlacementReportCache(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    public async Task<PlacementReport> GetOrBuildAsync(int storeScope, int days, Func<Task<PlacementReport>> build)
    {
        var now = _timeProvider.GetUtcNow();
        if (_reports.TryGetValue((storeScope, days), out var kept) && kept.Expires > now)
            return kept.Report;

        var report = await build();
        _reports[(storeScope, days)] = (report, now + Lifetime);
        return report;
    }
}
