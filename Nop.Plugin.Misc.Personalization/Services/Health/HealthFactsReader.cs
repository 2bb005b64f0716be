using Nop.Plugin.Misc.Personalization.Engine.Health;
using Nop.Plugin.Misc.Personalization.Services.Backfill;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Services.Configuration;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.Personalization.Services.Health;

/// <summary>
/// Reads what the health checklist of a store is judged on: settings and state, the newest model, the placements in
/// memory, the impression counters of today and yesterday, and <see cref="RecentEventCounts"/>.
/// </summary>
public class HealthFactsReader
{
    private readonly OrderBackfillService _backfillService;
    private readonly RecentEventCounts _recentEvents;
    private readonly ImpressionCountStore _impressionCounts;
    private readonly IPlacementCatalog _placementCatalog;
    private readonly IRecommenderHolder _recommenderHolder;
    private readonly IScheduleTaskService _scheduleTaskService;
    private readonly ISettingService _settingService;
    private readonly ModelSnapshotStore _snapshotStore;
    private readonly TimeProvider _timeProvider;

    public HealthFactsReader(OrderBackfillService backfillService,
        RecentEventCounts recentEvents,
        ImpressionCountStore impressionCounts,
        IPlacementCatalog placementCatalog,
        IRecommenderHolder recommenderHolder,
        IScheduleTaskService scheduleTaskService,
        ISettingService settingService,
        ModelSnapshotStore snapshotStore,
        TimeProvider timeProvider)
    {
        _backfillService = backfillService;
        _recentEvents = recentEvents;
        _impressionCounts = impressionCounts;
        _placementCatalog = placementCatalog;
        _recommenderHolder = recommenderHolder;
        _scheduleTaskService = scheduleTaskService;
        _settingService = settingService;
        _snapshotStore = snapshotStore;
        _timeProvider = timeProvider;
    }

    public async Task<HealthFacts> ReadAsync(int storeId)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(storeId);
        var events = await _recentEvents.CountAsync(storeId, now);
        var model = (await _snapshotStore.NewestAsync(ModelSnapshotStore.RECOMMENDATIONS)).FirstOrDefault(snapshot => snapshot.StoreId == storeId);
        var emailTask = await _scheduleTaskService.GetTaskByTypeAsync(PersonalizationDefaults.ReplenishmentEmailTask.Type);
        var cartEmailTask = await _scheduleTaskService.GetTaskByTypeAsync(PersonalizationDefaults.AbandonedCartEmailTask.Type);

        return new HealthFacts
        {
            NowUtc = now,
            Enabled = settings.Enabled,
            EventsLastHour = events.LastHour,
            EventsLast24Hours = events.Last24Hours,
            EventsLast24HoursByKind = events.Last24HoursByKind,
            BackfillCompleted = (await _backfillService.GetStateAsync()).Completed,
            ModelTrainedOnUtc = model?.CreatedOnUtc,
            ModelLoaded = model != null && _recommenderHolder.VersionOf(storeId) == model.Version,
            Zones = await ZonesAsync(storeId, now),
            HoldoutPercent = settings.HoldoutPercent,
            EmailsEnabled = settings.ReplenishmentEmailsEnabled,
            EmailTaskEnabled = emailTask?.Enabled == true,
            EmailTaskLastSuccessUtc = emailTask?.LastSuccessUtc,
            CartEmailsEnabled = settings.AbandonedCartEmailsEnabled,
            CartEmailTaskEnabled = cartEmailTask?.Enabled == true,
            CartEmailTaskLastSuccessUtc = cartEmailTask?.LastSuccessUtc
        };
    }

    /// <summary>Zones with placements of this store and their counters since yesterday's UTC midnight.</summary>
    private async Task<IReadOnlyList<ZoneFacts>> ZonesAsync(int storeId, DateTime now)
    {
        var counts = await _impressionCounts.SumAsync(storeId, now.AddDays(-1), now);
        return _placementCatalog.WidgetZones()
            .Select(zone => (Zone: zone, Placements: _placementCatalog.ForZone(storeId, zone)))
            .Where(zone => zone.Placements.Count > 0)
            .Select(zone =>
            {
                var placementCounts = zone.Placements.Select(placement => counts.GetValueOrDefault(placement.Id)).Where(count => count != null).ToList();
                return new ZoneFacts(zone.Zone, zone.Placements.Count,
                    placementCounts.Count == 0 ? 0 : placementCounts.Max(count => (long)count.ZoneRenders),
                    placementCounts.Sum(count => (long)count.Renders),
                    placementCounts.Sum(count => (long)count.HiddenRenders));
            })
            .ToList();
    }
}
