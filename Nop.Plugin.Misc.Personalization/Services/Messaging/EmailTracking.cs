using System.Security.Cryptography;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// Signs each e-mail's links with its store's tracking key. Sends are recorded in one place, the send log
/// (<see cref="EmailSendLog"/>): the plugin's own e-mails by their task once queued, a personal block in one of the shop's
/// messages through the buffered writer. An e-mail id is drawn at random and stored with no send, so an open or click
/// recorded without a customer (no tracking consent) can never be linked back to the customer the send names.
/// </summary>
public class EmailTracking : IEmailTracking
{
    private readonly ISettingService _settingService;
    private readonly IEventSink _sink;
    private readonly TimeProvider _timeProvider;

    public EmailTracking(ISettingService settingService, IEventSink sink, TimeProvider timeProvider)
    {
        _settingService = settingService;
        _sink = sink;
        _timeProvider = timeProvider;
    }

    public virtual Task<EmailTrackingLinks> StartAsync(EmailKind kind, int customerId, int storeId, string siteRoot) =>
        IssueUnrecordedAsync(kind, customerId, storeId, siteRoot);

    public virtual async Task<EmailTrackingLinks> IssueUnrecordedAsync(EmailKind kind, int customerId, int storeId, string siteRoot)
    {
        var codec = await CodecAsync(storeId);
        if (codec == null)
            return null;

        //drawn, not counted: the id only has to tell this e-mail's opens and clicks from other e-mails' of the same kind
        return new EmailTrackingLinks(codec, siteRoot, kind, RandomNumberGenerator.GetInt32(1, int.MaxValue), customerId, storeId);
    }

    //the writer turns a send event into a send-log row (EventStore), so the request that queued the message never waits on it
    public virtual bool RecordQueuedSend(EmailKind kind, int emailId, int storeId) =>
        _sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent
        {
            StoreId = storeId,
            EventType = (int)InteractionType.EmailSent,
            Placement = EmailPlacement.Of(kind, emailId),
            CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime
        }));

    private async Task<EmailTrackingCodec> CodecAsync(int storeId)
    {
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(storeId);
        var key = TrackingKeyBytes.Read(settings.TrackingKey, EmailTrackingCodec.MIN_KEY_BYTES);
        return key == null ? null : new EmailTrackingCodec(key);
    }
}
