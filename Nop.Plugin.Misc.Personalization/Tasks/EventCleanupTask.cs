using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.Personalization.Tasks;

/// <summary>
/// Daily: deletes events past the retention period, then the rows of customers who are gone (see
/// <see cref="ErasureSweep"/>). One task, so installed shops get the sweep without a new schedule entry.
/// </summary>
public class EventCleanupTask : IScheduleTask
{
    private readonly EventRetentionService _retentionService;
    private readonly ErasureSweep _sweep;

    public EventCleanupTask(EventRetentionService retentionService, ErasureSweep sweep)
    {
        _retentionService = retentionService;
        _sweep = sweep;
    }

    public async Task ExecuteAsync()
    {
        await _retentionService.DeleteExpiredAsync();
        await _sweep.SweepAsync();
    }
}
