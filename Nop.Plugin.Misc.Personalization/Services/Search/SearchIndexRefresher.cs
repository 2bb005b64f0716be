using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Search;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// Builds this node's search index in the background (at start, then every <see cref="RebuildInterval"/>), patches it
/// as products change, and relearns the query statistics and the re-ranking weights from the recent search log.
/// Searches only read what is built.
/// </summary>
public sealed class SearchIndexRefresher : PluginBackgroundService
{
    public static readonly TimeSpan RebuildInterval = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan PatchPoll = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan SearchLogDays = TimeSpan.FromDays(90);
    public const int MAX_LOG_EVENTS = 2_000_000;

    public const int MAX_HELD_OUT = 2_000;
    private const double HELD_OUT_HALF_LIFE_DAYS = 30;

    private readonly ISearchIndexHolder _holder;
    private readonly IRecommenderHolder _recommenders;
    private readonly IShopLog _log;
    private readonly SearchIndexPatches _patches;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _timeProvider;
    private DateTimeOffset _builtAt = DateTimeOffset.MinValue;

    public SearchIndexRefresher(ISearchIndexHolder holder, IRecommenderHolder recommenders, IShopLog shopLog, SearchIndexPatches patches,
        IServiceScopeFactory scopeFactory, TimeProvider timeProvider, PluginLifetime lifetime)
        : base(lifetime)
    {
        _holder = holder;
        _recommenders = recommenders;
        _log = shopLog;
        _patches = patches;
        _scopeFactory = scopeFactory;
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
                //the database may be down or still being installed: keep serving the built index, try again later
                _log.Warning("refreshing the search index failed; searching the built one.", exception);
            }

            await _patches.WaitAsync(PatchPoll, _timeProvider, stoppingToken);
        }
    }

    public async Task RefreshAsync()
    {
        var now = _timeProvider.GetUtcNow();
        if (_holder.Index == null || now - _builtAt >= RebuildInterval)
        {
            await RebuildAsync();
            _builtAt = now;
            return;
        }

        await PatchAsync();
    }

    public async Task RebuildAsync()
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        _patches.Clear();
        var documents = await scope.ServiceProvider.GetRequiredService<SearchDocumentReader>().ReadAllAsync();
        var index = ProductSearchIndex.Build(documents);
        _holder.Swap(index);

        var since = _timeProvider.GetUtcNow().UtcDateTime - SearchLogDays;
        var logs = await scope.ServiceProvider.GetRequiredService<SearchLogReader>().ReadAsync(since, MAX_LOG_EVENTS);
        var builder = new QueryStatsBuilder();
        _holder.SwapLearnt(logs.ToDictionary(pair => pair.Key,
            pair => new LearntSearch(builder.Build(pair.Value.Searches, pair.Value.Interactions, pair.Value.Clicks),
                ChooseWeights(index, pair.Key, pair.Value, builder))));
    }

    /// <summary>
    /// The weights that best rank what shoppers chose after the held-out (latest) searches, with query statistics from
    /// the searches before them only; the defaults while the store has no model or too few such searches.
    /// </summary>
    private SearchWeights ChooseWeights(ProductSearchIndex index, int storeId, StoreSearchLog log, QueryStatsBuilder builder)
    {
        var (searches, interactions) = (log.Searches, log.Interactions);
        var recommender = _recommenders.Find(storeId);
        if (recommender == null)
            return SearchWeights.Default;

        var (cutoff, heldOut) = new SearchHoldout { Window = builder.Window }.Split(searches, interactions);
        var earlierStats = builder.Build(searches.Where(search => search.TimeUtc < cutoff), interactions.Where(interaction => interaction.TimeUtc < cutoff),
            log.Clicks.Where(click => click.TimeUtc < cutoff));
        var histories = interactions.GroupBy(interaction => interaction.CustomerId).ToDictionary(group => group.Key, group => group.ToList());
        var catalog = recommender.Snapshot.Catalog;
        var cases = heldOut.Take(MAX_HELD_OUT).Select(held => new HeldOutSearch(
            index.Search(held.Search.Query, storeId, PersonalizedSearch.MAX_RESULTS),
            new PersonalSearchSignals(catalog, recommender.Snapshot.Popularity,
                ShopperTaste.From(histories[held.Search.CustomerId].Where(interaction => interaction.TimeUtc < held.Search.TimeUtc).ToList(),
                    catalog, held.Search.TimeUtc, HELD_OUT_HALF_LIFE_DAYS),
                earlierStats.For(held.Search.Query)),
            held.ChosenProductId)).ToList();
        return SearchWeightSelector.Select(cases).Weights;
    }

    public async Task PatchAsync()
    {
        var index = _holder.Index;
        var changed = _patches.TakeAll();
        if (index == null || changed.Count == 0)
            return;

        await using var scope = _scopeFactory.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<SearchDocumentReader>();
        foreach (var productId in changed)
        {
            var document = await reader.ReadAsync(productId);
            if (document == null)
                index.Remove(productId);
            else
                index.Upsert(document);
        }
    }
}
