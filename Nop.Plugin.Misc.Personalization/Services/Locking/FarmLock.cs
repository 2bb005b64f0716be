using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.Locking;

/// <summary>
/// A lock every web-farm node sees, kept as a row of the plugin's own table (<see cref="LockRows"/>): taken before the
/// work, renewed every third of its expiry while the work runs, deleted when it ends. nopCommerce's ILocker is per node
/// without a distributed cache, and its distributed form checks and then sets, so two nodes can both pass it.
/// </summary>
public sealed class FarmLock : IFarmLock
{
    private readonly IShopLog _log;
    private readonly LockRows _rows;
    private readonly TimeProvider _timeProvider;

    public FarmLock(IShopLog shopLog, LockRows rows, TimeProvider timeProvider)
    {
        _log = shopLog;
        _rows = rows;
        _timeProvider = timeProvider;
    }

    public async Task<bool> TryRunAsync(string name, TimeSpan expiry, Func<CancellationToken, Task> work)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(expiry, TimeSpan.Zero);

        var held = await _rows.TryTakeAsync(name, expiry);
        if (held == null)
            return false;

        using var lost = new CancellationTokenSource();
        using var stopRenewing = new CancellationTokenSource();
        var renewing = RenewUntilStoppedAsync(held, expiry, lost, stopRenewing.Token);
        try
        {
            await work(lost.Token);
        }
        finally
        {
            await stopRenewing.CancelAsync();
            await renewing;
            await ReleaseAsync(held);
        }

        return true;
    }

    private async Task RenewUntilStoppedAsync(PersonalizationLock held, TimeSpan expiry, CancellationTokenSource lost, CancellationToken stop)
    {
        var interval = expiry / 3;
        //ticks keep their pace however long a renewal takes, so a slow one never pushes the next towards the expiry
        using var timer = new PeriodicTimer(interval, _timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                bool stillHeld;
                try
                {
                    stillHeld = await _rows.RenewAsync(held, expiry);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    //the row still runs until it expires; the next renewal may get through
                    _log.Warning($"could not renew the lock {held.Name}; trying again in {interval.TotalSeconds:0} s.", exception);
                    continue;
                }

                if (!stillHeld)
                {
                    _log.Warning($"lost the lock {held.Name}: it expired before it was renewed and another node took it over. " +
                        "The work running under it is asked to stop.");
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            //the work ended
        }
    }

    private async Task ReleaseAsync(PersonalizationLock held)
    {
        try
        {
            await _rows.ReleaseAsync(held);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            //the lock is given up when its row expires
            _log.Warning($"could not release the lock {held.Name}; another node can take it once it expires.", exception);
        }
    }
}
