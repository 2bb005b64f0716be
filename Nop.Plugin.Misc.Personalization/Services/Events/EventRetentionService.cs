using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Events;

/// <summary>
/// Enforces the retention period: recorded events older than it are deleted.
/// </summary>
public class EventRetentionService
{
    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _timeProvider;

    public EventRetentionService(IRepository<PersonalizationEvent> eventRepository, ISettingService settingService, TimeProvider timeProvider)
    {
        _eventRepository = eventRepository;
        _settingService = settingService;
        _timeProvider = timeProvider;
    }

    /// <returns>The number of events deleted.</returns>
    public async Task<int> DeleteExpiredAsync()
    {
        //retention is installation-wide, so it is read from the shared (store 0) settings
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>();
        if (settings.RetentionDays <= 0)
            return 0;

        var cutoff = _timeProvider.GetUtcNow().UtcDateTime.AddDays(-settings.RetentionDays);

        return await _eventRepository.DeleteAsync(e => e.CreatedOnUtc < cutoff);
    }
}
