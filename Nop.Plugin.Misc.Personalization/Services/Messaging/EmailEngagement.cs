using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Services.Configuration;
using Nop.Services.Customers;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// Checks the tokens of the e-mails' pixel and click links and records opens and clicks as events through the buffered
/// writer. The recipient comes only from the signed token; the recipient's own consent decides whether the event names
/// them (<see cref="InteractionCapture"/>), exactly as for their clicks in the shop.
/// </summary>
public class EmailEngagement
{
    private readonly InteractionCapture _capture;
    private readonly ICustomerService _customerService;
    private readonly EmailOpenMemory _opens;
    private readonly ISettingService _settingService;
    private readonly IEventSink _sink;
    private readonly TimeProvider _timeProvider;

    public EmailEngagement(InteractionCapture capture,
        ICustomerService customerService,
        EmailOpenMemory opens,
        ISettingService settingService,
        IEventSink sink,
        TimeProvider timeProvider)
    {
        _capture = capture;
        _customerService = customerService;
        _opens = opens;
        _settingService = settingService;
        _sink = sink;
        _timeProvider = timeProvider;
    }

    /// <returns>The token's subject when it is genuine, signed with <paramref name="storeId"/>'s key and names that store; null otherwise.</returns>
    public virtual async Task<EmailTrackingSubject> CheckAsync(string token, int storeId)
    {
        if (string.IsNullOrEmpty(token))
            return null;

        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(storeId);
        var key = TrackingKeyBytes.Read(settings.TrackingKey, EmailTrackingCodec.MIN_KEY_BYTES);
        var subject = key == null ? null : new EmailTrackingCodec(key).Check(token);

        return subject?.StoreId == storeId ? subject : null;
    }

    /// <returns>Whether an event was handed to the writer (false for a repeated open, a refused guard or a full buffer).</returns>
    public virtual async Task<bool> RecordAsync(EmailTrackingSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);

        var type = subject.Target == EmailTarget.Open ? InteractionType.EmailOpen : InteractionType.EmailClick;
        if (type == InteractionType.EmailOpen && !_opens.FirstOpen(subject.StoreId, subject.EmailId))
            return false;

        var placement = EmailPlacement.Of(subject.Kind, subject.EmailId);
        var productId = subject.Target == EmailTarget.Product ? subject.TargetId : 0;

        if (subject.CustomerId > 0)
        {
            var customer = await _customerService.GetCustomerByIdAsync(subject.CustomerId);
            return customer is { Deleted: false } && await _capture.CaptureAsync(customer, subject.StoreId, type, productId, placement: placement);
        }

        //a newsletter subscriber without an account: counted for the e-mail, linked to nobody
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(subject.StoreId);
        return settings.Enabled && _sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent
        {
            StoreId = subject.StoreId,
            EventType = (int)type,
            ProductId = productId,
            Quantity = 1,
            Placement = placement,
            CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime
        }));
    }
}
