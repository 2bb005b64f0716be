using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nop.Plugin.Misc.Personalization.Services.Locking;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.Backfill;

/// <summary>
/// Finishes a backfill the owner started from the configuration page without waiting for the scheduled task: runs one
/// task-sized chunk after another under the farm lock until it is complete, so the page's progress keeps moving. When
/// another node holds the lock (its task is running), this node stops and leaves the rest to it.
/// </summary>
public sealed class BackgroundBackfill : BackgroundService
{
    public const int PAGES_PER_CHUNK = 200;
    public static readonly TimeSpan ChunkBudget = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _requested = new(0, 1);
    private readonly IShopLog _log;
    private readonly PluginLifetime _pluginLifetime;
    private readonly IServiceScopeFactory _scopeFactory;

    public BackgroundBackfill(IShopLog shopLog, PluginLifetime pluginLifetime, IServiceScopeFactory scopeFactory)
    {
        _log = shopLog;
        _pluginLifetime = pluginLifetime;
        _scopeFactory = scopeFactory;
    }

    /// <summary>
    /// Asks for the rest of the backfill to run now; a request while one is pending or running is the same request.
    /// </summary>
    public void Request()
    {
        if (_requested.CurrentCount == 0)
        {
            try
            {
                _requested.Release();
            }
            catch (SemaphoreFullException)
            {
                //asked twice at once: one run serves both
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await _requested.WaitAsync(stoppingToken);
                await RunUntilCompleteAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunUntilCompleteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested && !_pluginLifetime.IsUninstalled)
            {
                await using var scope = _scopeFactory.CreateAsyncScope();
                var farmLock = scope.ServiceProvider.GetRequiredService<IFarmLock>();
                var backfill = scope.ServiceProvider.GetRequiredService<OrderBackfillService>();
                BackfillProgress progress = null;
                var ran = await farmLock.TryRunAsync(OrderBackfillService.LOCK_KEY, OrderBackfillService.LockDuration,
                    async _ => progress = await backfill.RunAsync(PAGES_PER_CHUNK, ChunkBudget));
                if (!ran || progress == null || progress.Completed)
                    return;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _log.Error("the backfill started from the configuration page failed; the scheduled task tries again.", exception);
        }
    }
}
