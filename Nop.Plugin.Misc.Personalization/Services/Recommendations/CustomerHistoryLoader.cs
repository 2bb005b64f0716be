using Nop.Plugin.Misc.Personalization.Services.Privacy;
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
    private readonly ErasedCustomers _erasedCustomers;
    private readonly ICustomerHistory _history;
    private readonly IShopLog _log;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _timeProvider;

    public CustomerHistoryLoader(ErasedCustomers erasedCustomers, ICustomerHistory history, IShopLog shopLog, IServiceScopeFactory scopeFactory,
        TimeProvider timeProvider)
    {
        _erasedCustomers = erasedCustomers;
        _history = history;
        _log = shopLog;
        _scopeFactory = scopeFactory;
        _timeProvider = timeProvider;
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
                        var startedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
                        var stored = await reader.ReadCustomerAsync(request.StoreId, request.CustomerId, CustomerHistory.MAX_STORED_PER_CUSTOMER);
                        //erased or forgotten while this read ran: what it read must not come back into memory
                        _history.Store(request.StoreId, request.CustomerId, _erasedCustomers.Covers(request.CustomerId, startedOnUtc) ? [] : stored);
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
