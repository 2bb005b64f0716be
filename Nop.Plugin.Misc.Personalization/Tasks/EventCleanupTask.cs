using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.Personalization.Tasks;

/// <summary>
/// Daily: deletes events past the retention period, then the rows of customers who are gone (see
/// <see cref="ErasureSweep"/>), then removes what identifies customers the consent now in force does not allow (see
/// <see cref="ConsentEnforcement"/>), and turns impression rows of earlier versions into counters (see
/// <see cref="LegacyImpressionConversion"/>), and keeps the e-mail send log (see <see cref="EmailSendHousekeeping"/>). One task, so installed shops get all of it without a new schedule entry.
/// </summary>
public class EventCleanupTask : IScheduleTask
{
    private readonly ConsentEnforcement _consentEnforcement;
    private readonly EmailSendHousekeeping _emailSends;
    private readonly LegacyImpressionConversion _legacyImpressions;
    private readonly EventRetentionService _retentionService;
    private readonly ErasureSweep _sweep;

    public EventCleanupTask(ConsentEnforcement consentEnforcement, EmailSendHousekeeping emailSends, LegacyImpressionConversion legacyImpressions,
        EventRetentionService retentionService, ErasureSweep sweep)
    {
        _consentEnforcement = consentEnforcement;
        _emailSends = emailSends;
        _legacyImpressions = legacyImpressions;
        _retentionService = retentionService;
        _sweep = sweep;
    }

    public async Task ExecuteAsync()
    {
        await _retentionService.DeleteExpiredAsync();
        await _legacyImpressions.ConvertAsync();
        await _emailSends.ConvertLegacySendsAsync();
        await _emailSends.DeleteExpiredAsync();
        await _sweep.SweepAsync();
        await _consentEnforcement.EnforceAsync();
    }
}
