using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Customers;

/// <summary>
/// Brings the daily customer-insights refresh forward: after the admin changes segments, the next training run (the
/// hourly task, or "Train models now") recounts them instead of waiting for the day to pass.
/// </summary>
public class InsightsSchedule
{
    private readonly ISettingService _settingService;

    public InsightsSchedule(ISettingService settingService)
    {
        _settingService = settingService;
    }

    public async Task RefreshAtNextTrainingAsync()
    {
        //only this key: the rest of the state belongs to the training run, which may be writing it right now
        var state = await _settingService.LoadSettingAsync<PersonalizationInsightsState>();
        state.NextRefreshOnUtc = null;
        await _settingService.SaveSettingAsync(state, settings => settings.NextRefreshOnUtc);
    }
}
