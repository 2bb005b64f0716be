using Nop.Plugin.Misc.Personalization.Services.Backfill;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.Personalization.Tasks;

/// <summary>
/// Every few minutes until done: backfills purchase history from the shop's orders, so it starts on its own after install
/// and after "Backfill now". nopCommerce's task runner already holds a lock on the task type, so one node runs it at a time.
/// </summary>
public class OrderBackfillTask : IScheduleTask
{
    public const int MAX_PAGES_PER_RUN = 200;

    //well inside the runner's lock (period minus a second, at most 299 s), so two nodes never overlap
    //nopCommerce runs a task inside an HTTP call to itself that gives up after 100 s
    private static readonly TimeSpan _timeBudget = TimeSpan.FromSeconds(60);

    private readonly OrderBackfillService _backfillService;

    public OrderBackfillTask(OrderBackfillService backfillService)
    {
        _backfillService = backfillService;
    }

    public Task ExecuteAsync() => _backfillService.RunAsync(MAX_PAGES_PER_RUN, _timeBudget);
}
