using Nop.Plugin.Misc.Personalization.Services.Backfill;
using Nop.Plugin.Misc.Personalization.Services.Locking;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.Personalization.Tasks;

/// <summary>
/// Every few minutes until done: backfills purchase history from the shop's orders, so it starts on its own after install
/// and after "Backfill now". nopCommerce's task runner locks the task type on its own node only (unless a distributed
/// cache is set up), so the run also takes the farm lock, which the admin's immediate run takes too; when another node
/// holds it, this run is skipped and the next one continues.
/// </summary>
public class OrderBackfillTask : IScheduleTask
{
    public const int MAX_PAGES_PER_RUN = 200;

    //nopCommerce runs a task inside an HTTP call to itself that gives up after 100 s
    private static readonly TimeSpan _timeBudget = TimeSpan.FromSeconds(60);

    private readonly OrderBackfillService _backfillService;
    private readonly IFarmLock _farmLock;

    public OrderBackfillTask(OrderBackfillService backfillService, IFarmLock farmLock)
    {
        _backfillService = backfillService;
        _farmLock = farmLock;
    }

    public Task ExecuteAsync() =>
        _farmLock.TryRunAsync(OrderBackfillService.LOCK_KEY, OrderBackfillService.LockDuration, _ => _backfillService.RunAsync(MAX_PAGES_PER_RUN, _timeBudget));
}
