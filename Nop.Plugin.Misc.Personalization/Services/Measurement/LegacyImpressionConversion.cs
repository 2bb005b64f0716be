using System.Globalization;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Measurement;

/// <summary>
/// Turns the one-row-per-render impression events of versions before 0.7.0 into daily counters, in id-ordered batches
/// within a time budget, and deletes the rows; the daily cleanup continues where it stopped. Once none is left it
/// says so in <see cref="PersonalizationImpressionState"/> and never looks again.
/// </summary>
/// <remarks>
/// A batch is counted before its rows are deleted: a failure in between counts that batch twice at worst, never loses it.
/// </remarks>
public class LegacyImpressionConversion
{
    public const string COUNTER = "converted from events";

    private const int IMPRESSION = (int)InteractionType.RecommendationImpression;

    private readonly ImpressionCountStore _countStore;
    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly RetentionOptions _options;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _timeProvider;

    public LegacyImpressionConversion(ImpressionCountStore countStore,
        IRepository<PersonalizationEvent> eventRepository,
        RetentionOptions options,
        ISettingService settingService,
        TimeProvider timeProvider)
    {
        _countStore = countStore;
        _eventRepository = eventRepository;
        _options = options;
        _settingService = settingService;
        _timeProvider = timeProvider;
    }

    /// <returns>The number of impression rows converted.</returns>
    public async Task<int> ConvertAsync()
    {
        var state = await _settingService.LoadSettingAsync<PersonalizationImpressionState>();
        if (state.LegacyRowsConverted)
            return 0;

        var started = _timeProvider.GetTimestamp();
        var converted = 0;
        var afterId = 0;
        while (_timeProvider.GetElapsedTime(started) < _options.TimeBudget)
        {
            var lastId = afterId;
            var rows = await _eventRepository.GetAllAsync(query => query
                .Where(e => e.EventType == IMPRESSION && e.Id > lastId)
                .OrderBy(e => e.Id)
                .Take(_options.BatchSize)
                .Select(e => new PersonalizationEvent
                {
                    Id = e.Id,
                    StoreId = e.StoreId,
                    Placement = e.Placement,
                    Quantity = e.Quantity,
                    CreatedOnUtc = e.CreatedOnUtc
                }));
            if (rows.Count == 0)
            {
                state.LegacyRowsConverted = true;
                await _settingService.SaveSettingAsync(state);
                return converted;
            }

            await _countStore.AddAsync(Count(rows), COUNTER);

            afterId = rows[^1].Id;
            var end = afterId;
            await _eventRepository.DeleteAsync(e => e.EventType == IMPRESSION && e.Id <= end);
            converted += rows.Count;
        }

        return converted;
    }

    /// <summary>
    /// A row whose placement is not a placement id (never written by the plugin) is dropped uncounted.
    /// </summary>
    private static List<ImpressionDelta> Count(IEnumerable<PersonalizationEvent> rows) =>
        rows.Select(row => (Row: row, Parsed: int.TryParse(row.Placement, NumberStyles.None, CultureInfo.InvariantCulture, out var id), PlacementId: id))
            .Where(row => row.Parsed && row.PlacementId > 0)
            .GroupBy(row => new ImpressionKey(row.Row.StoreId, row.PlacementId, row.Row.CreatedOnUtc.Date))
            .Select(group => new ImpressionDelta(group.Key, group.Count(), group.Sum(row => (long)Math.Max(row.Row.Quantity, 0))))
            .ToList();
}
