using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.Recommendations;

/// <summary>
/// Loads stored histories that requests asked for, off the request path.
/// </summary>
public sealed class CustomerHistoryLoader : BackgroundService
{
    private readonly ICustomerHistory _history;
    private readonly IShopLog _log;
    private readonly IServiceScopeFactory _scopeFactory;

    public CustomerHistoryLoader(ICustomerHistory history, IShopLog shopLog, IServiceScopeFactory scopeFactory)
    {
        _history = history;
        _log = shopLog;
        _scopeFactory = scopeFactory;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _history.WaitForLoadRequestAsync(stoppingToken))
            {
                while (_history.TryTakeLoadRequest(out var request))
                {
                    try
                    {
                        await using var scope = _scopeFactory.CreateAsyncScope();
                        var reader = scope.ServiceProvider.GetRequiredService<InteractionReader>();
                        _history.Store(request.StoreId, request.CustomerId,
                            await reader.ReadCustomerAsync(request.StoreId, request.CustomerId, CustomerHistory.MAX_STORED_PER_CUSTOMER));
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        _history.LoadFailed(request.StoreId, request.CustomerId);
                        _log.Warning("loading a customer's history failed; recommendations use the live session only until it loads.", exception);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
