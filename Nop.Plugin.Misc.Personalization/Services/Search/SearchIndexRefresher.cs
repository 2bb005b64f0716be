using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.Personalization.Engine.Search;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// Builds this node's search index in the background (at start, then every <see cref="RebuildInterval"/>), patches it
/// as products change, and relearns the query statistics from the recent search log. Searches only read what is built.
/// </summary>
public sealed class SearchIndexRefresher : PluginBackgroundService
{
    public static readonly TimeSpan RebuildInterval = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan PatchPoll = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan SearchLogDays = TimeSpan.FromDays(90);
    public const int MAX_LOG_EVENTS = 2_000_000;

    private readonly ISearchIndexHolder _holder;
    private readonly IShopLog _log;
    private readonly SearchIndexPatches _patches;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _timeProvider;
    private DateTimeOffset _builtAt = DateTimeOffset.MinValue;

    public SearchIndexRefresher(ISearchIndexHolder holder, IShopLog shopLog, SearchIndexPatches patches,
        IServiceScopeFactory scopeFactory, TimeProvider timeProvider, PluginLifetime lifetime)
        : base(lifetime)
    {
        _holder = holder;
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
        _holder.Swap(ProductSearchIndex.Build(documents));

        var since = _timeProvider.GetUtcNow().UtcDateTime - SearchLogDays;
        var logs = await scope.ServiceProvider.GetRequiredService<SearchLogReader>().ReadAsync(since, MAX_LOG_EVENTS);
        var builder = new QueryStatsBuilder();
        _holder.SwapLearnt(logs.ToDictionary(pair => pair.Key,
            pair => new LearntSearch(builder.Build(pair.Value.Searches, pair.Value.Interactions), SearchWeights.Default)));
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
