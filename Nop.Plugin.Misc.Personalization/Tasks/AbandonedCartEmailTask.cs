using Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.Personalization.Tasks;

/// <summary>
/// Every few minutes: queues abandoned-cart e-mails (only in stores where the owner enabled them and while the message
/// template is active), under the farm-wide e-mail lock the reminders share. Never fails the task run: problems are
/// logged and counted, and the outcome is kept for the health checklist.
/// </summary>
public class AbandonedCartEmailTask : IScheduleTask
{
    private readonly AbandonedCartEmailService _abandonedCartEmailService;
    private readonly AbandonedCartRunLog _runLog;
    private readonly EmailSendLock _sendLock;
    private readonly IShopLog _log;

    public AbandonedCartEmailTask(AbandonedCartEmailService abandonedCartEmailService, AbandonedCartRunLog runLog, EmailSendLock sendLock, IShopLog shopLog)
    {
        _abandonedCartEmailService = abandonedCartEmailService;
        _runLog = runLog;
        _sendLock = sendLock;
        _log = shopLog;
    }

    public async Task ExecuteAsync()
    {
        try
        {
            AbandonedCartEmailOutcome outcome = null;
            if (!await _sendLock.TryRunAsync(async () => outcome = await _abandonedCartEmailService.RunAsync()))
                return;

            await _runLog.SaveAsync(outcome);
            if (outcome.Queued > 0 || outcome.Failed > 0)
                _log.Information($"{outcome.Queued} abandoned-cart e-mails queued, {outcome.Skipped} skipped, {outcome.Capped} held back by the frequency cap, {outcome.Failed} failed.");
        }
        catch (Exception exception)
        {
            _log.Warning("the abandoned-cart e-mail run failed.", exception);
        }
    }
}
