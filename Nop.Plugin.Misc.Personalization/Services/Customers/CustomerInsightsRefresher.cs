using System.Globalization;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Complements;
using Nop.Plugin.Misc.Personalization.Engine.Insights;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Engine.Replenishment;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Services.Configuration;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.Customers;

/// <summary>
/// Stores what training learned about customers: a profile per customer and store (with segments), the
/// replenishment predictions due soon and the timed complements of the models just trained. Runs inside training, on the training node, at most daily: profiles move
/// slowly, and rewriting every customer's row each hour would only load the database.
/// </summary>
public class CustomerInsightsRefresher
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromDays(1);
    public static readonly TimeSpan RetryInterval = TimeSpan.FromHours(1);

    /// <summary>nopCommerce's Setting.Value column (varchar(6000) on MySQL and PostgreSQL): every text the state keeps fits.</summary>
    public const int SETTING_VALUE_LENGTH = 6000;

    /// <summary>Rows per insert: each bulk copy runs in nopCommerce's transaction scope and command timeouts.</summary>
    public const int INSERT_CHUNK = 10_000;

    private readonly EmailActivityReader _emailActivity;
    private readonly IRepository<PersonalizationErasure> _erasureRepository;
    private readonly IShopLog _log;
    private readonly IRepository<PersonalizationPrediction> _predictionRepository;
    private readonly IRepository<PersonalizationProfile> _profileRepository;
    private readonly SegmentRoleSync _roleSync;
    private readonly SegmentStore _segmentStore;
    private readonly ISettingService _settingService;

    public CustomerInsightsRefresher(EmailActivityReader emailActivity,
        IRepository<PersonalizationErasure> erasureRepository,
        IShopLog shopLog,
        IRepository<PersonalizationPrediction> predictionRepository,
        IRepository<PersonalizationProfile> profileRepository,
        SegmentRoleSync roleSync,
        SegmentStore segmentStore,
        ISettingService settingService)
    {
        _emailActivity = emailActivity;
        _erasureRepository = erasureRepository;
        _log = shopLog;
        _predictionRepository = predictionRepository;
        _profileRepository = profileRepository;
        _roleSync = roleSync;
        _segmentStore = segmentStore;
        _settingService = settingService;
    }

    /// <summary>
    /// Refreshes when a day has passed since the last refresh (or when <paramref name="force"/>); a failure is logged,
    /// kept in the state and retried within the hour, and never thrown: the models are trained already.
    /// </summary>
    /// <param name="models">The stores' models just trained; a store without one gets no complement predictions.</param>
    /// <param name="vocabulary">The shop's attribute and tag names in every language, for rules that name them.</param>
    public async Task<bool> RefreshIfDueAsync(IReadOnlyCollection<Interaction> interactions, IReadOnlyList<ProductFacts> products, DateTime nowUtc, bool force = false,
        IReadOnlyDictionary<int, ModelSnapshot> models = null, AttributeVocabulary vocabulary = null)
    {
        var state = await _settingService.LoadSettingAsync<PersonalizationInsightsState>();
        if (!force && state.NextRefreshOnUtc > nowUtc)
            return false;
        var scheduled = state.NextRefreshOnUtc;

        IReadOnlySet<int> evaluatedSegmentIds = null;
        try
        {
            evaluatedSegmentIds = await RefreshAsync(state, interactions, products, nowUtc, models, vocabulary);
            state.NextRefreshOnUtc = nowUtc + RefreshInterval;
        }
        catch (Exception exception)
        {
            _log.Error("storing customer profiles and predictions failed; trying again within the hour.", exception);
            state.Problem = $"storing failed: {exception.Message}";
            state.NextRefreshOnUtc = nowUtc + RetryInterval;
        }

        //roles follow only profiles stored completely: after a failure the rows may be half replaced
        if (evaluatedSegmentIds != null)
            await SyncRolesAsync(state, evaluatedSegmentIds, nowUtc);

        //a segment saved while this run worked asked for the next run to recount: keep that request
        if (scheduled != null && (await _settingService.LoadSettingAsync<PersonalizationInsightsState>()).NextRefreshOnUtc == null)
            state.NextRefreshOnUtc = null;
        state.SegmentSizes = WholeLinesWithin(state.SegmentSizes, SETTING_VALUE_LENGTH);
        state.LifetimeSupport = WholeLinesWithin(state.LifetimeSupport, SETTING_VALUE_LENGTH);
        state.RoleSync = WholeLinesWithin(state.RoleSync, SETTING_VALUE_LENGTH);
        state.Problem = Within(state.Problem, SETTING_VALUE_LENGTH);
        state.RoleSyncProblem = Within(state.RoleSyncProblem, SETTING_VALUE_LENGTH);
        try
        {
            await _settingService.SaveSettingAsync(state);
        }
        catch (Exception exception)
        {
            _log.Error("saving the customer-insights state failed.", exception);
        }

        return true;
    }

    /// <summary>
    /// Customers erased or forgotten (consent withdrawn, switched off) after this run read its events were still in
    /// what it computed: their new rows go again, so nothing of them is written back.
    /// </summary>
    private async Task DropForgottenSinceAsync(DateTime readOnUtc)
    {
        var forgotten = (await _erasureRepository.GetAllAsync(query => query.Where(erasure => erasure.ErasedOnUtc >= readOnUtc)))
            .Select(erasure => erasure.CustomerId)
            .Distinct()
            .ToArray();
        foreach (var batch in forgotten.Chunk(1_000))
        {
            await _profileRepository.DeleteAsync(profile => batch.Contains(profile.CustomerId));
            await _predictionRepository.DeleteAsync(prediction => batch.Contains(prediction.CustomerId));
        }
    }

    /// <summary>The first lines of <paramref name="text"/> that fit in <paramref name="length"/> characters.</summary>
    public static string WholeLinesWithin(string text, int length)
    {
        if (text == null || text.Length <= length)
            return text;

        var cut = text.LastIndexOf('\n', length);
        return cut <= 0 ? text[..length] : text[..cut];
    }

    private static string Within(string text, int length) => text == null || text.Length <= length ? text : text[..length];

    /// <returns>The ids of the segments counted.</returns>
    private async Task<IReadOnlySet<int>> RefreshAsync(PersonalizationInsightsState state, IReadOnlyCollection<Interaction> interactions, IReadOnlyList<ProductFacts> products, DateTime nowUtc,
        IReadOnlyDictionary<int, ModelSnapshot> models, AttributeVocabulary vocabulary)
    {
        var (segments, invalid) = await _segmentStore.LoadEnabledAsync(vocabulary);
        var emails = await _emailActivity.ReadAsync(nowUtc);
        var stores = await Task.Run(() => CustomerInsightsBuilder.Build(interactions, products, segments, nowUtc, new InsightsOptions(), models, emails));

        var storeIds = stores.Select(store => store.StoreId).ToArray();
        //stores without activity in the window keep no stale rows of what training computes (a back-in-stock offer
        //comes from a restock, not from training, and ends by its own date)
        var trained = new[] { (int)PredictionKind.Replenishment, (int)PredictionKind.Complement };
        await _profileRepository.DeleteAsync(profile => !storeIds.Contains(profile.StoreId));
        await _predictionRepository.DeleteAsync(prediction => !storeIds.Contains(prediction.StoreId) && trained.Contains(prediction.Kind));
        foreach (var store in stores)
        {
            await ReplaceProfilesAsync(store, nowUtc);
            await ReplacePredictionsAsync(store);
            await ReplaceComplementsAsync(store);
        }

        await DropForgottenSinceAsync(nowUtc);

        state.RefreshedOnUtc = nowUtc;
        state.Profiles = stores.Sum(store => store.Profiles.Count);
        state.Predictions = stores.Sum(store => store.Predictions.Count);
        state.Complements = stores.Sum(store => store.Complements.Count);
        state.LifetimeSupport = LifetimeSupportText.Format(stores.Select(store => (store.StoreId, store.Lifetime)));
        state.PriceBandBounds = CustomerInsightsBuilder.PriceBandsOf(products, new InsightsOptions()).ToText();
        state.SegmentSizes = string.Join('\n', stores.SelectMany(store => store.SegmentSizes.Select(size => string.Join('|',
            store.StoreId.ToString(CultureInfo.InvariantCulture),
            size.SegmentId.ToString(CultureInfo.InvariantCulture),
            Clean(size.Name),
            size.Members.ToString(CultureInfo.InvariantCulture),
            Clean(size.Warning)))));
        state.Problem = invalid.Count == 0 ? null : $"segments skipped because their rule does not parse: {string.Join(", ", invalid)}";

        return segments.Select(segment => segment.Id).ToHashSet();
    }

    /// <summary>
    /// Syncs the customer roles; a failure is logged and kept in the state, never thrown: profiles and models are stored.
    /// </summary>
    private async Task SyncRolesAsync(PersonalizationInsightsState state, IReadOnlySet<int> evaluatedSegmentIds, DateTime nowUtc)
    {
        try
        {
            state.RoleSync = RoleSyncOutcome.Format(await _roleSync.SyncAsync(evaluatedSegmentIds));
            state.RoleSyncProblem = null;
        }
        catch (Exception exception)
        {
            _log.Error("syncing customer roles with segments failed; roles are synced again after the next refresh.", exception);
            state.RoleSync = null;
            state.RoleSyncProblem = $"role sync failed: {exception.Message}";
        }

        state.RoleSyncedOnUtc = nowUtc;
    }

    private async Task ReplaceProfilesAsync(StoreInsights store, DateTime nowUtc)
    {
        var rows = store.Profiles.Select(segmented => ToRow(segmented, nowUtc)).ToList();
        await _profileRepository.DeleteAsync(profile => profile.StoreId == store.StoreId);
        foreach (var chunk in rows.Chunk(INSERT_CHUNK))
            await _profileRepository.InsertAsync(chunk, publishEvent: false);
    }

    /// <summary>
    /// Replaces the store's replenishment predictions; a prediction already e-mailed keeps that mark while its due
    /// date stays the same (a re-purchase moves the date and makes it a new prediction).
    /// </summary>
    private async Task ReplacePredictionsAsync(StoreInsights store)
    {
        var kind = (int)PredictionKind.Replenishment;
        var emailed = (await _predictionRepository.GetAllAsync(query => query.Where(prediction =>
                prediction.StoreId == store.StoreId && prediction.Kind == kind && prediction.EmailedOnUtc != null)))
            .Aggregate(new Dictionary<(int, int, DateTime), DateTime?>(), (marks, prediction) =>
            {
                //two overlapping runs may have stored a prediction twice: either copy's mark will do
                marks.TryAdd((prediction.CustomerId, prediction.ProductId, prediction.DueOnUtc.Date), prediction.EmailedOnUtc);
                return marks;
            });
        var rows = store.Predictions.Select(prediction => ToRow(prediction, emailed)).ToList();
        await _predictionRepository.DeleteAsync(prediction => prediction.StoreId == store.StoreId && prediction.Kind == kind);
        foreach (var chunk in rows.Chunk(INSERT_CHUNK))
            await _predictionRepository.InsertAsync(chunk, publishEvent: false);
    }

    /// <summary>
    /// Replaces the store's complement predictions. They carry no e-mail mark: a reminder shows them beside the
    /// re-orders it is sent for and the reminder's own frequency cap applies.
    /// </summary>
    private async Task ReplaceComplementsAsync(StoreInsights store)
    {
        var kind = (int)PredictionKind.Complement;
        var rows = store.Complements.Select(ToRow).ToList();
        await _predictionRepository.DeleteAsync(prediction => prediction.StoreId == store.StoreId && prediction.Kind == kind);
        foreach (var chunk in rows.Chunk(INSERT_CHUNK))
            await _predictionRepository.InsertAsync(chunk, publishEvent: false);
    }

    private static PersonalizationProfile ToRow(SegmentedProfile segmented, DateTime nowUtc)
    {
        var profile = segmented.Profile;
        return new PersonalizationProfile
        {
            CustomerId = profile.CustomerId,
            StoreId = profile.StoreId,
            SegmentIds = ProfileSegmentIds.Format(segmented.SegmentIds),
            Recency = profile.Recency,
            Frequency = profile.Frequency,
            Monetary = profile.Monetary,
            LifecycleStage = (int)profile.Lifecycle,
            Affinities = profile.Affinities.Count == 0 ? null : AffinityText.Format(profile.Affinities),
            LastComputedOnUtc = nowUtc,
            Orders = profile.Orders,
            TotalSpent = Math.Round(profile.TotalSpent, 4),
            LastOrderOnUtc = profile.LastOrderUtc,
            MedianGapDays = profile.MedianGapDays == null ? null : Math.Round((decimal)profile.MedianGapDays.Value, 1),
            ProbabilityAlive = profile.ProbabilityAlive == null ? null : Math.Round((decimal)profile.ProbabilityAlive.Value, 4),
            ExpectedPurchases90Days = profile.ExpectedPurchases == null ? null : Math.Round((decimal)Math.Min(profile.ExpectedPurchases.Value, 9_999_999), 2),
            EmailsSent90Days = profile.Email?.Sent,
            EmailsOpened90Days = profile.Email?.Opened,
            EmailsClicked90Days = profile.Email?.Clicked,
            LastEmailOpenOnUtc = profile.Email?.LastOpenUtc,
            LastEmailClickOnUtc = profile.Email?.LastClickUtc,
            EmailClickRate = profile.Email?.ClickRate is { } rate ? Math.Round((decimal)rate, 4) : null
        };
    }

    private static PersonalizationPrediction ToRow(ReplenishmentPrediction prediction, Dictionary<(int, int, DateTime), DateTime?> emailed)
    {
        var due = prediction.DueUtc;
        return new PersonalizationPrediction
        {
            CustomerId = prediction.CustomerId,
            StoreId = prediction.StoreId,
            ProductId = prediction.ProductId,
            Kind = (int)PredictionKind.Replenishment,
            DueOnUtc = due,
            Score = Math.Round((decimal)prediction.Confidence, 4),
            EmailedOnUtc = emailed.GetValueOrDefault((prediction.CustomerId, prediction.ProductId, due.Date))
        };
    }

    private static PersonalizationPrediction ToRow(ComplementPrediction prediction) => new()
    {
        CustomerId = prediction.CustomerId,
        StoreId = prediction.StoreId,
        ProductId = prediction.ProductId,
        Kind = (int)PredictionKind.Complement,
        DueOnUtc = prediction.WindowEndUtc,
        Score = Math.Round((decimal)prediction.Score, 4),
        AnchorProductId = prediction.AnchorProductId,
        AnchorOnUtc = prediction.AnchorUtc
    };

    private static string Clean(string text) => text?.Replace('|', '/').Replace('\n', ' ') ?? string.Empty;
}
