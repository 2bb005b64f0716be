using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Services.ScheduleTasks;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Tasks;

/// <summary>
/// Hourly: queues replenishment reminders (only when the owner enabled them and the message template is active).
/// Never fails the task run: problems are logged and counted.
/// </summary>
public class ReplenishmentEmailTask : IScheduleTask
{
    private readonly IShopLog _log;
    private readonly ReplenishmentEmailService _replenishmentEmailService;

    public ReplenishmentEmailTask(IShopLog shopLog, ReplenishmentEmailService replenishmentEmailService)
    {
        _log = shopLog;
        _replenishmentEmailService = replenishmentEmailService;
    }

    public async Task ExecuteAsync()
    {
        try
        {
            var outcome = await _replenishmentEmailService.RunAsync();
            if (outcome.Queued > 0 || outcome.Failed > 0)
                _log.Information($"{outcome.Queued} replenishment reminders queued, {outcome.Skipped} skipped, {outcome.Failed} failed.");
        }
        catch (Exception exception)
        {
            _log.Warning("the replenishment reminder run failed.", exception);
        }
    }
}
