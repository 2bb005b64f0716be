using Nop.Core.Domain.Gdpr;
using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// A new GDPR answer: the cached answer goes at once; a refusal of the consent a store's personalisation depends on
/// queues the removal of what was recorded about the customer (the writer runs it, the request does not wait).
/// </summary>
public class GdprLogConsumer : IConsumer<EntityInsertedEvent<GdprLog>>
{
    private readonly GdprConsentAnswers _gdprConsentAnswers;
    private readonly IEventSink _sink;
    private readonly StoreConsentModes _storeConsentModes;

    public GdprLogConsumer(GdprConsentAnswers gdprConsentAnswers, IEventSink sink, StoreConsentModes storeConsentModes)
    {
        _gdprConsentAnswers = gdprConsentAnswers;
        _sink = sink;
        _storeConsentModes = storeConsentModes;
    }

    public async Task HandleEventAsync(EntityInsertedEvent<GdprLog> eventMessage)
    {
        var log = eventMessage?.Entity;
        if (log == null || log.CustomerId <= 0 || log.ConsentId <= 0)
            return;

        _gdprConsentAnswers.Forget(log.CustomerId, log.ConsentId);

        if (log.RequestType != GdprRequestType.ConsentDisagree)
            return;

        var modes = await _storeConsentModes.AllAsync();
        if (modes.Any(mode => mode.Consent == TrackingConsent.GdprConsentAccepted && mode.GdprConsentId == log.ConsentId))
            _sink.TryEnqueue(CaptureItem.Forget(log.CustomerId));
    }
}
