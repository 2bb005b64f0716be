using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Events;

/// <summary>
/// Enforces the retention period: recorded events older than it are deleted, oldest first, in bounded batches (one
/// statement over a large table would run past the command timeout and roll back every day); impression counters of
/// days before it go too.
/// </summary>
public class EventRetentionService
{
    private readonly IRepository<PersonalizationImpressionCount> _countRepository;
    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly RetentionOptions _options;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _timeProvider;

    public EventRetentionService(IRepository<PersonalizationImpressionCount> countRepository, IRepository<PersonalizationEvent> eventRepository,
        RetentionOptions options, ISettingService settingService, TimeProvider timeProvider)
    {
        _countRepository = countRepository;
        _eventRepository = eventRepository;
        _options = options;
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

        var started = _timeProvider.GetTimestamp();
        var cutoff = _timeProvider.GetUtcNow().UtcDateTime.AddDays(-settings.RetentionDays);
        //a handful of rows per placement and day: one statement is short
        var cutoffDay = cutoff.Date;
        await _countRepository.DeleteAsync(count => count.DayUtc < cutoffDay);

        var deleted = 0;
        while (_timeProvider.GetElapsedTime(started) < _options.TimeBudget)
        {
            //the creation time of the batch's last row bounds the next delete; ties at that time go with it
            var batchEnd = (await _eventRepository.GetAllAsync(query => query
                    .Where(e => e.CreatedOnUtc < cutoff)
                    .OrderBy(e => e.CreatedOnUtc)
                    .Skip(_options.BatchSize - 1)
                    .Take(1)))
                .FirstOrDefault()?.CreatedOnUtc;

            if (batchEnd is null)
                return deleted + await _eventRepository.DeleteAsync(e => e.CreatedOnUtc < cutoff);

            var end = batchEnd.Value;
            deleted += await _eventRepository.DeleteAsync(e => e.CreatedOnUtc <= end);
        }

        return deleted;
    }
}
