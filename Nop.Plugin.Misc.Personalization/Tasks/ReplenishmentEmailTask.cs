using Microsoft.Extensions.Logging;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.Personalization.Tasks;

/// <summary>
/// Hourly: queues replenishment reminders (only when the owner enabled them and the message template is active).
/// Never fails the task run: problems are logged and counted.
/// </summary>
public class ReplenishmentEmailTask : IScheduleTask
{
    private readonly ILogger<ReplenishmentEmailTask> _logger;
    private readonly ReplenishmentEmailService _replenishmentEmailService;

    public ReplenishmentEmailTask(ILogger<ReplenishmentEmailTask> logger, ReplenishmentEmailService replenishmentEmailService)
    {
        _logger = logger;
        _replenishmentEmailService = replenishmentEmailService;
    }

    public async Task ExecuteAsync()
    {
        try
        {
            var outcome = await _replenishmentEmailService.RunAsync();
            if (outcome.Queued > 0 || outcome.Failed > 0)
                _logger.LogInformation("Personalization: {Queued} replenishment reminders queued, {Skipped} skipped, {Failed} failed.",
                    outcome.Queued, outcome.Skipped, outcome.Failed);
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Personalization: the replenishment reminder run failed.");
        }
    }
}
