using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.Personalization.Tasks;

/// <summary>
/// Daily: deletes events past the retention period.
/// </summary>
public class EventCleanupTask : IScheduleTask
{
    private readonly EventRetentionService _retentionService;

    public EventCleanupTask(EventRetentionService retentionService)
    {
        _retentionService = retentionService;
    }

    public Task ExecuteAsync() => _retentionService.DeleteExpiredAsync();
}
