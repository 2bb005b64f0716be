using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Snapshots;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// Keeps this node's in-memory model and catalog current: loads at start, then whenever asked or every few minutes,
/// swapping in new versions atomically. Requests only ever read what is already loaded.
/// </summary>
public sealed class ModelRefresher : PluginBackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan CatalogInterval = TimeSpan.FromMinutes(15);

    /// <summary>How long before a new week its seasonal factors are worked out: more than one poll, so a tick always falls in it.</summary>
    public static readonly TimeSpan SeasonLead = 3 * PollInterval;

    private readonly IServingCatalog _catalog;
    private readonly IRecommenderHolder _holder;
    private readonly IShopLog _log;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly IModelRefreshSignal _signal;
    private readonly TimeProvider _timeProvider;
    private DateTimeOffset _catalogLoadedAt = DateTimeOffset.MinValue;

    public ModelRefresher(IServingCatalog catalog, IRecommenderHolder holder, IShopLog shopLog,
        IServiceScopeFactory scopeFactory, IModelRefreshSignal signal, TimeProvider timeProvider, PluginLifetime lifetime)
        : base(lifetime)
    {
        _catalog = catalog;
        _holder = holder;
        _log = shopLog;
        _scopeFactory = scopeFactory;
        _signal = signal;
        _timeProvider = timeProvider;
    }

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                //the database may be down or the plugin's tables not there yet: serve what is loaded, try again later
                _log.Warning("refreshing the model failed; serving the loaded one.", exception);
            }

            await _signal.WaitAsync(PollInterval, _timeProvider, stoppingToken);
        }
    }

    public async Task RefreshAsync()
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ModelSnapshotStore>();
        var settingService = scope.ServiceProvider.GetRequiredService<ISettingService>();

        var changed = false;
        var nowUtc = _timeProvider.GetUtcNow().UtcDateTime;
        foreach (var newest in await store.NewestAsync(ModelSnapshotStore.RECOMMENDATIONS))
        {
            if (newest.Version == _holder.VersionOf(newest.StoreId))
            {
                _holder.Find(newest.StoreId)?.PrepareSeason(nowUtc, SeasonLead);
                continue;
            }

            var payload = await store.LoadPayloadAsync(newest);
            if (payload == null)
                continue;

            //one training serves every store; the owner's half-life may differ per store and applies when serving
            var snapshot = SnapshotSerializer.Deserialize(payload);
            var settings = await settingService.LoadSettingAsync<PersonalizationSettings>(newest.StoreId);
            var scoring = snapshot.Scoring with { HistoryHalfLifeDays = Math.Max(1, settings.DecayHalfLifeDays) };
            var recommender = new Recommender(snapshot, scoring);
            recommender.PrepareSeason(nowUtc, SeasonLead);
            _holder.Swap(newest.StoreId, newest.Version, recommender);
            changed = true;
        }

        var now = _timeProvider.GetUtcNow();
        if (changed || !_catalog.IsLoaded || now - _catalogLoadedAt >= CatalogInterval)
        {
            _catalog.Replace(await scope.ServiceProvider.GetRequiredService<ProductFactsReader>().ReadAsync());
            _catalogLoadedAt = now;
        }
    }
}
