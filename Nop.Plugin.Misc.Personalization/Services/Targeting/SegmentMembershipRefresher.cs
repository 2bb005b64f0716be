using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.Targeting;

/// <summary>
/// Keeps this node's <see cref="ISegmentMembership"/> current off the request path: reads it at start, then every few
/// minutes reads it again when a newer refresh is stored (<see cref="SegmentMembershipReader.ReadStampAsync"/>), and
/// at once when this node's own training asks. A failed read keeps serving the previous memberships and is logged
/// once until a read succeeds again.
/// </summary>
public sealed class SegmentMembershipRefresher : PluginBackgroundService, ISegmentMembershipRefresh
{
    private readonly IShopLog _log;
    private readonly ISegmentMembership _membership;
    private readonly SegmentMembershipOptions _options;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly TimeProvider _timeProvider;
    private bool _failing;
    private MembershipStamp _loadedStamp;
    private int _reloadRequested;
    private bool _truncated;

    public SegmentMembershipRefresher(IShopLog shopLog, ISegmentMembership membership,
        IServiceScopeFactory scopeFactory, TimeProvider timeProvider, PluginLifetime lifetime)
        : this(shopLog, membership, scopeFactory, timeProvider, new SegmentMembershipOptions(), lifetime)
    {
    }

    internal SegmentMembershipRefresher(IShopLog shopLog, ISegmentMembership membership,
        IServiceScopeFactory scopeFactory, TimeProvider timeProvider, SegmentMembershipOptions options, PluginLifetime lifetime)
        : base(lifetime)
    {
        _log = shopLog;
        _membership = membership;
        _scopeFactory = scopeFactory;
        _timeProvider = timeProvider;
        _options = options;
    }

    public void RequestReload()
    {
        Interlocked.Exchange(ref _reloadRequested, 1);
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            //already requested
        }
    }

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        //the host's start must not wait on the database
        await Task.Yield();
        try
        {
            while (true)
            {
                await RefreshAsync(stoppingToken);
                await WaitForSignalOrIntervalAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// One check: reads the memberships when none are loaded, a newer refresh is stored, or a reload was requested.
    /// Never throws (except when cancelled); not to be called concurrently.
    /// </summary>
    /// <returns>Whether newly read memberships were swapped in.</returns>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var requested = Interlocked.Exchange(ref _reloadRequested, 0) == 1;
        try
        {
            var reloaded = await ReadIfNewerAsync(requested, cancellationToken);
            if (_failing)
            {
                _failing = false;
                _log.Information("segment memberships are read again.");
            }

            return reloaded;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (requested)
                Interlocked.Exchange(ref _reloadRequested, 1);
            if (!_failing)
            {
                _failing = true;
                _log.Warning($"reading segment memberships failed; serving the previous ones (targeted placements stay hidden until a first read succeeds). Retrying every {_options.PollInterval}.", exception);
            }

            return false;
        }
    }

    private async Task<bool> ReadIfNewerAsync(bool requested, CancellationToken cancellationToken)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<SegmentMembershipReader>();

        var stamp = await reader.ReadStampAsync();
        if (!requested && _membership.IsLoaded && stamp == _loadedStamp)
            return false;

        var (memberships, truncated) = await reader.ReadAsync(_options.MaxCustomers, _options.PageSize, cancellationToken);
        _membership.Replace(memberships);
        //the stamp read before the rows: a refresh stored while they were paged makes the next check read again
        _loadedStamp = stamp;

        if (truncated && !_truncated)
            _log.Warning($"more than {_options.MaxCustomers} customers are in segments; targeted placements reach only the first {_options.MaxCustomers} by profile id on this node.");
        _truncated = truncated;

        return true;
    }

    private async Task WaitForSignalOrIntervalAsync(CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(_options.PollInterval, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stoppingToken);
        try
        {
            await _signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            //the poll interval elapsed
        }
    }
}
