using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// Keeps the send log, the one record of e-mail sends, whole and bounded (run by the daily cleanup).
/// </summary>
/// <remarks>
/// Version 0.9.0 recorded each send twice: a send-log row (the frequency cap) and a send event without a customer
/// (the report). The plugin's own e-mails (reminders, abandoned carts) already have their rows, so their events are
/// simply deleted; a shop message's send existed only as an event, so it becomes a row without a customer first. A batch
/// is copied before its events are deleted: a failure in between can count a shop message twice, never lose one.
/// </remarks>
public class EmailSendHousekeeping
{
    private const int EMAIL_SENT = (int)InteractionType.EmailSent;

    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly RetentionOptions _options;
    private readonly IRepository<PersonalizationEmailSend> _sendRepository;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _timeProvider;

    public EmailSendHousekeeping(IRepository<PersonalizationEvent> eventRepository,
        RetentionOptions options,
        IRepository<PersonalizationEmailSend> sendRepository,
        ISettingService settingService,
        TimeProvider timeProvider)
    {
        _eventRepository = eventRepository;
        _options = options;
        _sendRepository = sendRepository;
        _settingService = settingService;
        _timeProvider = timeProvider;
    }

    /// <returns>The number of send events moved or dropped.</returns>
    public async Task<int> ConvertLegacySendsAsync()
    {
        var state = await _settingService.LoadSettingAsync<PersonalizationEmailSendState>();
        if (state.LegacySendsConverted)
            return 0;

        var started = _timeProvider.GetTimestamp();
        var converted = 0;
        var afterId = 0;
        while (_timeProvider.GetElapsedTime(started) < _options.TimeBudget)
        {
            var lastId = afterId;
            var rows = await _eventRepository.GetAllAsync(query => query
                .Where(e => e.EventType == EMAIL_SENT && e.Id > lastId)
                .OrderBy(e => e.Id)
                .Take(_options.BatchSize));
            if (rows.Count == 0)
            {
                state.LegacySendsConverted = true;
                await _settingService.SaveSettingAsync(state);
                return converted;
            }

            var shopMessages = rows.Where(row => EmailPlacement.Parse(row.Placement) is { Kind: EmailKind.ShopMessage })
                .Select(EventStore.ToSend)
                .ToList();
            if (shopMessages.Count > 0)
                await _sendRepository.InsertAsync(shopMessages, publishEvent: false);

            afterId = rows[^1].Id;
            var end = afterId;
            await _eventRepository.DeleteAsync(e => e.EventType == EMAIL_SENT && e.Id <= end);
            converted += rows.Count;
        }

        return converted;
    }

    /// <summary>Deletes sends older than the event retention (nothing reads further back; no frequency cap reaches that far).</summary>
    public async Task<int> DeleteExpiredAsync()
    {
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>();
        if (settings.RetentionDays <= 0)
            return 0;

        var retention = TimeSpan.FromDays(settings.RetentionDays);
        var longestCap = TimeSpan.FromHours(SettingsLimits.MAX_EMAIL_FREQUENCY_CAP_HOURS);
        var cutoff = _timeProvider.GetUtcNow().UtcDateTime - (retention > longestCap ? retention : longestCap);
        //a few rows per customer and day at most: one statement is short
        return await _sendRepository.DeleteAsync(send => send.SentOnUtc < cutoff);
    }
}
