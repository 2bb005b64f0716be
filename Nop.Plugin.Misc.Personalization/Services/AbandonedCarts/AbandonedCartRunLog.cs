using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;

/// <summary>
/// Keeps the latest run's outcome in <see cref="PersonalizationAbandonedCartState"/>.
/// </summary>
public class AbandonedCartRunLog
{
    private readonly ISettingService _settingService;
    private readonly TimeProvider _timeProvider;

    public AbandonedCartRunLog(ISettingService settingService, TimeProvider timeProvider)
    {
        _settingService = settingService;
        _timeProvider = timeProvider;
    }

    public virtual Task<PersonalizationAbandonedCartState> LastAsync() => _settingService.LoadSettingAsync<PersonalizationAbandonedCartState>();

    public virtual async Task SaveAsync(AbandonedCartEmailOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);

        await _settingService.SaveSettingAsync(new PersonalizationAbandonedCartState
        {
            LastRunUtc = _timeProvider.GetUtcNow().UtcDateTime,
            LastQueued = outcome.Queued,
            LastSkipped = outcome.Skipped,
            LastCapped = outcome.Capped,
            LastFailed = outcome.Failed
        });
    }
}
