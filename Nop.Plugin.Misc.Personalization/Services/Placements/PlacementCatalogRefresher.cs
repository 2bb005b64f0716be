using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.Placements;

/// <summary>
/// Keeps <see cref="IPlacementCatalog"/> in step with the database off the request path: loads at start (retrying
/// with backoff while the database or the plugin's tables are not there yet), then reloads on every signal and
/// periodically. A failed reload keeps serving the last good set.
/// </summary>
public sealed class PlacementCatalogRefresher : PluginBackgroundService, IPlacementCatalogRefresh
{
    private readonly IPlacementCatalog _catalog;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _timeProvider;
    private readonly IShopLog _log;
    private readonly PlacementCatalogRefresherOptions _options;

    //one pending signal is enough: a reload reads everything
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true
    });

    public PlacementCatalogRefresher(IPlacementCatalog catalog, IServiceScopeFactory scopeFactory, TimeProvider timeProvider,
        IShopLog shopLog, PluginLifetime lifetime)
        : this(catalog, scopeFactory, timeProvider, shopLog, new PlacementCatalogRefresherOptions(), lifetime)
    {
    }

    internal PlacementCatalogRefresher(IPlacementCatalog catalog, IServiceScopeFactory scopeFactory, TimeProvider timeProvider,
        IShopLog shopLog, PlacementCatalogRefresherOptions options, PluginLifetime lifetime)
        : base(lifetime)
    {
        _catalog = catalog;
        _scopeFactory = scopeFactory;
        _timeProvider = timeProvider;
        _log = shopLog;
        _options = options;
    }

    public void RequestReload() => _signals.Writer.TryWrite(true);

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        //the host's start must not wait on the database
        await Task.Yield();
        try
        {
            while (true)
            {
                await LoadUntilDoneAsync(stoppingToken);
                await WaitForSignalOrIntervalAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task LoadUntilDoneAsync(CancellationToken stoppingToken)
    {
        var delay = _options.FirstRetryDelay;
        var failures = 0;
        while (true)
        {
            //a signal raised before this load starts is answered by it
            _signals.Reader.TryRead(out _);
            try
            {
                var placements = await LoadAsync();
                _catalog.Replace(placements);
                if (failures > 0)
                    _log.Information($"placements loaded after {failures} failed attempts.");
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failures++;
                _log.Warning($"loading placements failed (attempt {failures}); retrying in {delay}.", exception);
            }

            await Task.Delay(delay, _timeProvider, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
        }
    }

    private async Task<IReadOnlyList<PlacementDefinition>> LoadAsync()
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPlacementSource>().LoadEnabledAsync();
    }

    private async Task WaitForSignalOrIntervalAsync(CancellationToken stoppingToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var interval = Task.Delay(_options.ReloadInterval, _timeProvider, wait.Token);
        var signal = _signals.Reader.WaitToReadAsync(wait.Token).AsTask();

        await Task.WhenAny(interval, signal);
        await wait.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }
}
