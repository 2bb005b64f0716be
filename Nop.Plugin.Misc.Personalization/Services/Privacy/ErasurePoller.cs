using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// Makes this node forget customers erased on any node: every <see cref="ErasureOptions.PollInterval"/> reads the
/// erasure log rows newer than the last one seen (one primary-key range read) and evicts those customers from memory.
/// At start it reads the rows of the last <see cref="ErasureOptions.LogDays"/> days, so queued events of customers
/// erased while this node was starting are still dropped. A failed read is logged once and retried.
/// </summary>
public sealed class ErasurePoller : PluginBackgroundService
{
    private readonly CustomerEviction _eviction;
    private readonly ErasedCustomers _erasedCustomers;
    private readonly IShopLog _log;
    private readonly ErasureOptions _options;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _timeProvider;
    private bool _failing;
    private int _lastSeenId = -1;

    public ErasurePoller(CustomerEviction eviction, ErasedCustomers erasedCustomers, IShopLog shopLog, ErasureOptions options,
        IServiceScopeFactory scopeFactory, TimeProvider timeProvider, PluginLifetime lifetime)
        : base(lifetime)
    {
        _eviction = eviction;
        _erasedCustomers = erasedCustomers;
        _log = shopLog;
        _options = options;
        _scopeFactory = scopeFactory;
        _timeProvider = timeProvider;
    }

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        //the host's start must not wait on the database
        await Task.Yield();
        try
        {
            while (true)
            {
                await PollAsync(stoppingToken);
                await Task.Delay(_options.PollInterval, _timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// One read of the erasure log; never throws (except when cancelled). Not to be called concurrently.
    /// </summary>
    /// <returns>The number of erasures evicted.</returns>
    public async Task<int> PollAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var now = _timeProvider.GetUtcNow().UtcDateTime;
            await using var scope = _scopeFactory.CreateAsyncScope();
            var repository = scope.ServiceProvider.GetRequiredService<IRepository<PersonalizationErasure>>();

            var after = _lastSeenId;
            var since = now.AddDays(-_options.LogDays);
            var erasures = await repository.GetAllAsync(query => after < 0
                ? query.Where(erasure => erasure.ErasedOnUtc >= since).OrderBy(erasure => erasure.Id)
                : query.Where(erasure => erasure.Id > after).OrderBy(erasure => erasure.Id));

            if (erasures.Count > 0)
            {
                _eviction.Evict(erasures.Select(erasure => (erasure.CustomerId, erasure.ErasedOnUtc)).ToList());
                _lastSeenId = erasures[^1].Id;
            }
            else if (_lastSeenId < 0)
                _lastSeenId = 0;

            _erasedCustomers.Prune(since);

            if (_failing)
            {
                _failing = false;
                _log.Information("the erasure log is read again.");
            }

            return erasures.Count;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (!_failing)
            {
                _failing = true;
                _log.Warning($"reading the erasure log failed; erased customers may stay in this node's memory until it succeeds. Retrying every {_options.PollInterval}.", exception);
            }

            return 0;
        }
    }
}
