using System.Diagnostics;
using System.Globalization;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Snapshots;
using Nop.Plugin.Misc.Personalization.Engine.Training;
using Nop.Plugin.Misc.Personalization.Engine.Tuning;
using Nop.Plugin.Misc.Personalization.Services.BackInStock;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Locking;
using Nop.Plugin.Misc.Personalization.Services.Targeting;
using Nop.Services.Configuration;
using Nop.Plugin.Misc.Personalization.Services.Logging;

using Nop.Plugin.Misc.Personalization.Services.Progress;

namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// Trains every store's model from recorded events and the catalog and saves the snapshots. Only one web-farm node
/// trains at a time (<see cref="IFarmLock"/>, a row in the plugin's own table); the others pick the result up from the database.
/// </summary>
public class ModelTrainingService
{
    public const string LOCK_KEY = "Nop.Plugin.Misc.Personalization.Training";
    /// <summary>
    /// The lock is renewed while training runs, so this only bounds how long a node that died while training keeps the
    /// others from training.
    /// </summary>
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A year and a half: enough for week-of-year seasonality, which needs a year of history.
    /// </summary>
    public const int MAX_TRAINING_DAYS = 548;

    public static readonly TimeSpan ProfileCheckInterval = TimeSpan.FromDays(7);
    public static readonly TimeSpan ProfileRetryInterval = TimeSpan.FromDays(1);

    /// <summary>
    /// The stages a run goes through, in order, as the configuration page shows them.
    /// </summary>
    public static readonly IReadOnlyList<string> Stages = ["ReadCatalog", "ReadEvents", "ChooseProfile", "Train", "SaveModels", "Insights"];

    private readonly AvailabilityStartScan _availabilityStartScan;
    private readonly IFarmLock _farmLock;
    private readonly CustomerInsightsRefresher _insightsRefresher;
    private readonly InteractionReader _interactionReader;
    private readonly IShopLog _log;
    private readonly IModelRefreshSignal _modelRefreshSignal;
    private readonly ProductFactsReader _productFactsReader;
    private readonly ISegmentMembershipRefresh _segmentMembershipRefresh;
    private readonly ISettingService _settingService;
    private readonly ModelSnapshotStore _snapshotStore;
    private readonly TimeProvider _timeProvider;
    private readonly LongWorkBoard _workBoard;

    public ModelTrainingService(AvailabilityStartScan availabilityStartScan,
        IFarmLock farmLock,
        CustomerInsightsRefresher insightsRefresher,
        InteractionReader interactionReader,
        IShopLog shopLog,
        IModelRefreshSignal modelRefreshSignal,
        ProductFactsReader productFactsReader,
        ISegmentMembershipRefresh segmentMembershipRefresh,
        ISettingService settingService,
        ModelSnapshotStore snapshotStore,
        TimeProvider timeProvider,
        LongWorkBoard workBoard)
    {
        _availabilityStartScan = availabilityStartScan;
        _farmLock = farmLock;
        _insightsRefresher = insightsRefresher;
        _interactionReader = interactionReader;
        _log = shopLog;
        _modelRefreshSignal = modelRefreshSignal;
        _productFactsReader = productFactsReader;
        _segmentMembershipRefresh = segmentMembershipRefresh;
        _settingService = settingService;
        _snapshotStore = snapshotStore;
        _timeProvider = timeProvider;
        _workBoard = workBoard;
    }

    public async Task<TrainingResult> TrainWithLockAsync()
    {
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>();
        if (!IsTrainingNode(settings.TrainingNode))
            return TrainingResult.Skipped($"training runs on the node {settings.TrainingNode.Trim()}");

        TrainingResult result = null;
        var acquired = await _farmLock.TryRunAsync(LOCK_KEY, LockDuration, async lockLost => result = await TrainAsync(lockLost));

        return acquired ? result : TrainingResult.Skipped("another node is training");
    }

    /// <summary>
    /// <paramref name="lockLost"/> is cancelled when another node took the training lock over (this node stalled past
    /// its expiry): nothing more is written then, so two nodes never replace the same rows at once.
    /// </summary>
    public async Task<TrainingResult> TrainAsync(CancellationToken lockLost = default)
    {
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>();
        if (!settings.Enabled)
            return TrainingResult.Skipped("disabled");

        var watch = Stopwatch.StartNew();
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        Reached("ReadCatalog");
        var (products, vocabulary) = await _productFactsReader.ReadCatalogAsync();
        await ScanAvailabilityStartsAsync(products.Values, now);
        Reached("ReadEvents");
        //older behaviour has decayed to almost nothing; reading it would only cost memory and time
        var read = await _interactionReader.ReadNewestAsync(now.AddDays(-Math.Clamp(settings.RetentionDays, 1, MAX_TRAINING_DAYS)),
            TrainingMemoryGuard.MaxEvents(settings.TrainingMemoryMegabytes));
        var interactions = read.Interactions;
        await ReportGuardAsync(read, settings, now);

        var facts = products.Values.Select(product => product.ToFacts()).ToList();
        //what is learned about customers (profiles, segments, predictions, the profile comparison) uses identified events only
        var identified = interactions.Exists(interaction => interaction.CustomerId == 0)
            ? interactions.Where(interaction => interaction.CustomerId > 0).ToList()
            : interactions;
        Reached("ChooseProfile");
        var profile = await ChooseProfileAsync(identified, facts, settings, now);
        Reached("Train");
        //the engine is CPU-bound: keep it off the caller's context
        var snapshots = await Task.Run(() => EngineTrainer.TrainStores(interactions, facts, TrainingOptionsFactory.From(settings, profile), now));

        lockLost.ThrowIfCancellationRequested();
        Reached("SaveModels");
        var versions = new Dictionary<int, int>();
        foreach (var (storeId, snapshot) in snapshots)
            versions[storeId] = await _snapshotStore.SaveAsync(storeId, ModelSnapshotStore.RECOMMENDATIONS, SnapshotSerializer.Serialize(snapshot));

        _modelRefreshSignal.RequestRefresh();

        //profiles, segments and predictions from the same read; a failure there is logged and leaves the models alone
        lockLost.ThrowIfCancellationRequested();
        Reached("Insights");
        var insightsRefreshed = await _insightsRefresher.RefreshIfDueAsync(identified, facts, now, models: snapshots, vocabulary: vocabulary);
        //this node serves the new segment memberships at once; the others notice them on their next check
        if (insightsRefreshed)
            _segmentMembershipRefresh.RequestReload();

        return new TrainingResult(true, interactions.Count, facts.Count, versions, watch.Elapsed)
        {
            Profile = profile,
            InsightsRefreshed = insightsRefreshed,
            Capped = read.Capped
        };
    }

    private async Task ScanAvailabilityStartsAsync(IEnumerable<ServableProduct> products, DateTime now)
    {
        try
        {
            await _availabilityStartScan.ScanAsync(products, now);
        }
        catch (Exception exception)
        {
            _log.Warning("looking for products whose available start date passed failed; the next training run looks again.", exception);
        }
    }

    private void Reached(string stage)
    {
        var index = 0;
        while (index < Stages.Count && Stages[index] != stage)
            index++;
        _workBoard.Step(LongWork.Training, index, Stages.Count, stage);
    }

    /// <summary>
    /// Whether this node may train: any node when the owner named none, otherwise only the named one.
    /// </summary>
    public static bool IsTrainingNode(string trainingNode) =>
        string.IsNullOrWhiteSpace(trainingNode) || string.Equals(trainingNode.Trim(), Environment.MachineName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The owner learns when the memory guard leaves events out: a warning in the shop's log and a line on the status
    /// card, each at most daily while it lasts.
    /// </summary>
    private async Task ReportGuardAsync(TrainingRead read, PersonalizationSettings settings, DateTime now)
    {
        var state = await _settingService.LoadSettingAsync<PersonalizationTrainingState>();
        if (!read.Capped)
        {
            if (state.GuardHitOnUtc != null)
                await _settingService.SaveSettingAsync(new PersonalizationTrainingState());
            return;
        }

        if (state.GuardHitOnUtc > now.AddDays(-1))
            return;

        var megabytes = settings.TrainingMemoryMegabytes > 0 ? settings.TrainingMemoryMegabytes : TrainingMemoryGuard.DEFAULT_MEGABYTES;
        _log.Warning(string.Create(CultureInfo.InvariantCulture,
            $"training read only the newest {read.Interactions.Count:N0} events (since {read.FromUtc:yyyy-MM-dd HH:mm} UTC): more would not fit the {megabytes:N0} MB the memory setting gives training."));
        await _settingService.SaveSettingAsync(new PersonalizationTrainingState
        {
            GuardHitOnUtc = now,
            ReadFromUtc = read.FromUtc,
            EventsRead = read.Interactions.Count,
            GuardMegabytes = megabytes
        });
    }

    /// <summary>
    /// The profile the shop's own recent purchases chose; compared again weekly (daily while too few customers bought
    /// to compare), which costs about two trainings.
    /// </summary>
    private async Task<string> ChooseProfileAsync(IReadOnlyList<Interaction> interactions, IReadOnlyList<ProductFacts> facts, PersonalizationSettings settings, DateTime now)
    {
        var state = await _settingService.LoadSettingAsync<PersonalizationProfileState>();
        if (!string.IsNullOrEmpty(state.Profile) && state.NextCheckOnUtc > now)
            return state.Profile;

        ProfileSelection selection;
        try
        {
            selection = await Task.Run(() => ProfileSelector.Choose(interactions, facts, TrainingProfiles.Candidates(settings), now));
        }
        catch (Exception exception)
        {
            //training goes on with the profile chosen before (or the defaults); the comparison is tried again tomorrow
            var profile = string.IsNullOrEmpty(state.Profile) ? TrainingProfiles.ENGINE_DEFAULTS : state.Profile;
            _log.Error($"comparing the training profiles failed; training with {profile}.", exception);
            state.NextCheckOnUtc = now + ProfileRetryInterval;
            state.Outcome = $"comparison failed: {exception.Message}";
            await _settingService.SaveSettingAsync(state);
            return profile;
        }

        state.Profile = selection.Profile;
        state.CheckedOnUtc = now;
        state.NextCheckOnUtc = now + (selection.Scores.Count == 0 ? ProfileRetryInterval : ProfileCheckInterval);
        state.ValidationCustomers = selection.ValidationCustomers;
        state.Outcome = selection.Scores.Count == 0
            ? selection.Reason
            : string.Join("; ", selection.Scores.Select(score => string.Create(CultureInfo.InvariantCulture,
                $"{score.Profile} {score.Objective:0.0000} (new products {score.DiscoveryNdcg:0.0000}, all {score.AllNdcg:0.0000})")));
        await _settingService.SaveSettingAsync(state);

        return state.Profile;
    }
}
