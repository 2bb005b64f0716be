using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.BackInStock;

/// <summary>
/// Off the request path: checks the products the watch hands over once their change has settled, and keeps every
/// node's offers in memory current (loaded at start and every few minutes, so offers made on another node show too).
/// </summary>
public sealed class BackInStockWorker : PluginBackgroundService
{
    public static readonly TimeSpan ReloadInterval = TimeSpan.FromMinutes(5);

    private readonly IShopLog _log;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _timeProvider;
    private readonly BackInStockWatch _watch;
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    public BackInStockWorker(IShopLog shopLog, IServiceScopeFactory scopeFactory, TimeProvider timeProvider, BackInStockWatch watch,
        PluginLifetime lifetime)
        : base(lifetime)
    {
        _log = shopLog;
        _scopeFactory = scopeFactory;
        _timeProvider = timeProvider;
        _watch = watch;
    }

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (_timeProvider.GetUtcNow() - _loadedAt >= ReloadInterval)
                await ReloadAsync();

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(ReloadInterval);
            try
            {
                if (!await _watch.WaitAsync(wait.Token))
                    return;
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                continue;
            }

            while (_watch.TryTake(out var productId, out var changedOnUtc))
            {
                var settled = changedOnUtc + BackInStockWatch.Settle - _timeProvider.GetUtcNow().UtcDateTime;
                if (settled > TimeSpan.Zero)
                    await Task.Delay(settled, _timeProvider, stoppingToken);

                await CheckAsync(productId);
            }
        }
    }

    public async Task CheckAsync(int productId)
    {
        try
        {
            var ended = _watch.Done(productId);
            await using var scope = _scopeFactory.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BackInStockOfferService>().OfferAsync(productId, ended);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _log.Warning($"offering product {productId} back in stock failed.", exception);
        }
    }

    private async Task ReloadAsync()
    {
        try
        {
            await using var scope = _scopeFactory.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BackInStockOfferService>().LoadAsync();
            _loadedAt = _timeProvider.GetUtcNow();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            //the database may be down or the plugin's tables not there yet: serve what is loaded, try again later
            _log.Warning("loading back-in-stock offers failed; serving the loaded ones.", exception);
            _loadedAt = _timeProvider.GetUtcNow();
        }
    }
}
