using System.Globalization;
using Nop.Plugin.Misc.Personalization.Services.Backfill;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Models.Status;

/// <summary>
/// Builds the status card from cheap reads (the backfill and profile state settings, the newest snapshot per store
/// without its payload) and this node's in-memory counters.
/// </summary>
public class StatusModelFactory
{
    private readonly OrderBackfillService _backfillService;
    private readonly IServingCatalog _catalog;
    private readonly IEventSink _eventSink;
    private readonly IRecommenderHolder _recommenderHolder;
    private readonly ISettingService _settingService;
    private readonly ModelSnapshotStore _snapshotStore;

    public StatusModelFactory(OrderBackfillService backfillService,
        IServingCatalog catalog,
        IEventSink eventSink,
        IRecommenderHolder recommenderHolder,
        ISettingService settingService,
        ModelSnapshotStore snapshotStore)
    {
        _settingService = settingService;
        _backfillService = backfillService;
        _catalog = catalog;
        _eventSink = eventSink;
        _recommenderHolder = recommenderHolder;
        _snapshotStore = snapshotStore;
    }

    public virtual async Task<StatusModel> PrepareAsync()
    {
        var backfill = await _backfillService.GetStateAsync();
        var counters = _eventSink.Counters;
        var model = new StatusModel
        {
            BackfillCompleted = backfill.Completed,
            OrdersBackfilled = backfill.OrdersBackfilled,
            BackfillEventsWritten = backfill.EventsWritten,
            BackfillLastOrderId = backfill.LastOrderId,
            BackfillUpToOrderId = backfill.UpToOrderId,
            BackfillRequestedOnUtc = backfill.RequestedOnUtc,
            BackfillCompletedOnUtc = backfill.CompletedOnUtc,
            EventsAccepted = counters.Accepted,
            EventsWritten = counters.Written,
            EventsBuffered = _eventSink.Reader.CanCount ? _eventSink.Reader.Count : 0,
            EventsDropped = counters.Dropped,
            FailedWrites = counters.FailedWrites,
            EventsLostOnShutdown = counters.LostOnShutdown,
            EventsRejected = counters.Rejected,
            CatalogLoaded = _catalog.IsLoaded,
            CatalogProducts = _catalog.Count
        };

        foreach (var snapshot in await _snapshotStore.NewestAsync(ModelSnapshotStore.RECOMMENDATIONS))
        {
            model.Models.Add(new ModelStatusModel
            {
                StoreId = snapshot.StoreId,
                Version = snapshot.Version,
                TrainedOnUtc = snapshot.CreatedOnUtc,
                LoadedVersion = _recommenderHolder.VersionOf(snapshot.StoreId)
            });
        }

        var profile = await _settingService.LoadSettingAsync<PersonalizationProfileState>();
        model.TrainingProfile = profile.Profile;
        model.ProfileCheckedOnUtc = profile.CheckedOnUtc;
        model.ProfileValidationCustomers = profile.ValidationCustomers;
        model.ProfileOutcome = profile.Outcome;

        var training = await _settingService.LoadSettingAsync<PersonalizationTrainingState>();
        model.TrainingGuardHitOnUtc = training.GuardHitOnUtc;
        model.TrainingReadFromUtc = training.ReadFromUtc;
        model.TrainingEventsRead = training.EventsRead;
        model.TrainingGuardMegabytes = training.GuardMegabytes;

        var insights = await _settingService.LoadSettingAsync<PersonalizationInsightsState>();
        model.InsightsRefreshedOnUtc = insights.RefreshedOnUtc;
        model.InsightsNextRefreshOnUtc = insights.NextRefreshOnUtc;
        model.InsightsProfiles = insights.Profiles;
        model.InsightsPredictions = insights.Predictions;
        model.InsightsProblem = insights.Problem;
        model.SegmentSizes = SegmentSizes(insights.SegmentSizes);

        return model;
    }

    /// <summary>The state's "store|segment|name|members|warning" lines; a malformed line is left out rather than failing the page.</summary>
    public static IList<SegmentSizeModel> SegmentSizes(string text)
    {
        var sizes = new List<SegmentSizeModel>();
        foreach (var line in (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('|');
            if (parts.Length == 5 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var storeId) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var segmentId)
                && int.TryParse(parts[3], CultureInfo.InvariantCulture, out var members))
            {
                sizes.Add(new SegmentSizeModel(storeId, segmentId, parts[2], members, string.IsNullOrEmpty(parts[4]) ? null : parts[4]));
            }
        }

        return sizes;
    }
}
