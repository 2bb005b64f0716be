using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.Measurement;

/// <summary>
/// Every <see cref="ImpressionFlushOptions.Interval"/> adds what <see cref="ImpressionTally"/> counted to the database,
/// and once more on shutdown. A quiet shop costs no query; a failed flush keeps its counts for the next one. Once the
/// plugin is uninstalled its table is gone: what is left uncounted is dropped.
/// </summary>
public sealed class ImpressionFlusher : PluginBackgroundService
{
    private readonly ImpressionTally _tally;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _timeProvider;
    private readonly IShopLog _log;
    private readonly ImpressionFlushOptions _options;
    private readonly PluginLifetime _lifetime;
    private DateTimeOffset _lastFailureLog = DateTimeOffset.MinValue;

    public ImpressionFlusher(ImpressionTally tally, IServiceScopeFactory scopeFactory, TimeProvider timeProvider, IShopLog shopLog,
        ImpressionFlushOptions options, PluginLifetime lifetime)
        : base(lifetime)
    {
        _lifetime = lifetime;
        _tally = tally;
        _scopeFactory = scopeFactory;
        _timeProvider = timeProvider;
        _log = shopLog;
        _options = options;
    }

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(_options.Interval, _timeProvider, stoppingToken);
                await FlushAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!await FlushAsync())
            _log.Warning("impression counts could not be stored at shutdown; the placement report misses them.");
    }

    /// <returns>Whether everything counted so far is stored.</returns>
    public async Task<bool> FlushAsync()
    {
        var pending = _tally.Take(_timeProvider.GetUtcNow().UtcDateTime).ToList();
        if (pending.Count == 0 || _lifetime.IsUninstalled)
            return true;

        try
        {
            await using var scope = _scopeFactory.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ImpressionCountStore>().AddAsync(pending, ImpressionCountStore.ThisProcess);
            return true;
        }
        catch (Exception exception)
        {
            _tally.Return(pending);
            LogFailure(exception);
            return false;
        }
    }

    private void LogFailure(Exception exception)
    {
        var now = _timeProvider.GetUtcNow();
        if (now - _lastFailureLog < _options.FailureLogInterval)
            return;

        _lastFailureLog = now;
        _log.Warning("storing impression counts failed; they are kept in memory and tried again.", exception);
    }
}
