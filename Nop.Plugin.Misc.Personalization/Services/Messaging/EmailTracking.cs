using System.Security.Cryptography;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// Records sends as events of their own (<see cref="InteractionType.EmailSent"/>, placement <c>email:{kind}</c>, the row
/// id being the e-mail id) and signs each e-mail's links with its store's tracking key. A send names no customer: the
/// rates need only counts, and a customer without tracking consent must not be linked to their opens through it.
/// </summary>
public class EmailTracking : IEmailTracking
{
    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly ISettingService _settingService;
    private readonly IEventSink _sink;
    private readonly TimeProvider _timeProvider;

    public EmailTracking(IRepository<PersonalizationEvent> eventRepository, ISettingService settingService, IEventSink sink, TimeProvider timeProvider)
    {
        _eventRepository = eventRepository;
        _settingService = settingService;
        _sink = sink;
        _timeProvider = timeProvider;
    }

    public virtual async Task<EmailTrackingLinks> StartAsync(EmailKind kind, int customerId, int storeId, string siteRoot)
    {
        var codec = await CodecAsync(storeId);
        if (codec == null)
            return null;

        var sent = Send(kind, storeId, EmailPlacement.Sent(kind));
        await _eventRepository.InsertAsync(sent, publishEvent: false);

        return new EmailTrackingLinks(codec, siteRoot, kind, sent.Id, customerId, storeId);
    }

    public virtual async Task ForgetAsync(EmailTrackingLinks links)
    {
        if (links == null)
            return;

        var emailId = links.EmailId;
        await _eventRepository.DeleteAsync(e => e.Id == emailId && e.EventType == (int)InteractionType.EmailSent);
    }

    public virtual async Task<EmailTrackingLinks> IssueUnrecordedAsync(EmailKind kind, int customerId, int storeId, string siteRoot)
    {
        var codec = await CodecAsync(storeId);
        if (codec == null)
            return null;

        //drawn, not counted: the id only has to tell this e-mail's opens and clicks from other e-mails' of the same kind
        return new EmailTrackingLinks(codec, siteRoot, kind, RandomNumberGenerator.GetInt32(1, int.MaxValue), customerId, storeId);
    }

    public virtual bool RecordQueuedSend(EmailKind kind, int emailId, int storeId) =>
        _sink.TryEnqueue(CaptureItem.Store(Send(kind, storeId, EmailPlacement.Of(kind, emailId))));

    private PersonalizationEvent Send(EmailKind kind, int storeId, string placement) => new()
    {
        StoreId = storeId,
        EventType = (int)InteractionType.EmailSent,
        Placement = placement,
        CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime
    };

    private async Task<EmailTrackingCodec> CodecAsync(int storeId)
    {
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(storeId);
        var key = TrackingKeyBytes.Read(settings.TrackingKey, EmailTrackingCodec.MIN_KEY_BYTES);
        return key == null ? null : new EmailTrackingCodec(key);
    }
}
