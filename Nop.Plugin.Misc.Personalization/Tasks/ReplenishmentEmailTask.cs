using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Services.ScheduleTasks;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Services.Messaging;

namespace Nop.Plugin.Misc.Personalization.Tasks;

/// <summary>
/// Hourly: queues replenishment reminders (only when the owner enabled them and the message template is active).
/// Runs under the farm-wide e-mail lock the abandoned-cart e-mails share (the shared frequency cap). Never fails the task
/// run: problems are logged and counted.
/// </summary>
public class ReplenishmentEmailTask : IScheduleTask
{
    private readonly IShopLog _log;
    private readonly ReplenishmentEmailService _replenishmentEmailService;
    private readonly EmailSendLock _sendLock;

    public ReplenishmentEmailTask(IShopLog shopLog, ReplenishmentEmailService replenishmentEmailService, EmailSendLock sendLock)
    {
        _log = shopLog;
        _replenishmentEmailService = replenishmentEmailService;
        _sendLock = sendLock;
    }

    public async Task ExecuteAsync()
    {
        try
        {
            ReplenishmentEmailOutcome outcome = null;
            if (!await _sendLock.TryRunAsync(async () => outcome = await _replenishmentEmailService.RunAsync()))
                return;

            if (outcome.Queued > 0 || outcome.Failed > 0)
                _log.Information($"{outcome.Queued} replenishment reminders queued, {outcome.Skipped} skipped, {outcome.Failed} failed.");
        }
        catch (Exception exception)
        {
            _log.Warning("the replenishment reminder run failed.", exception);
        }
    }
}
