using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Services.Customers;

namespace Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;

/// <summary>
/// A click on an abandoned-cart e-mail's restore link: checks the signature, compares the signed cart state with the
/// cart now, and logs the customer's return as an e-mail click (written off the request by the event writer), which
/// credits their orders of the next 24 hours to abandoned-cart e-mails.
/// </summary>
public class CartReturn
{
    private readonly IPersonalizationConsent _consent;
    private readonly ICustomerService _customerService;
    private readonly AbandonedCartReader _reader;
    private readonly IEventSink _sink;
    private readonly TimeProvider _timeProvider;

    public CartReturn(IPersonalizationConsent consent, ICustomerService customerService, AbandonedCartReader reader, IEventSink sink, TimeProvider timeProvider)
    {
        _consent = consent;
        _customerService = customerService;
        _reader = reader;
        _sink = sink;
        _timeProvider = timeProvider;
    }

    public virtual async Task<CartReturnOutcome> ReturnAsync(string token, PersonalizationSettings settings, int storeId, Customer visitor,
        string emailToken = null)
    {
        ArgumentNullException.ThrowIfNull(settings);

        var subject = EmailLinks.Check(settings.TrackingKey, token, EmailLinkPurpose.RestoreCart);
        var action = CartReturnRules.Decide(subject, storeId, visitor?.Id ?? 0);
        if (action == CartReturnAction.Invalid)
            return new CartReturnOutcome(action, Stale: false, Logged: false);

        var customer = await _customerService.GetCustomerByIdAsync(subject.CustomerId);
        if (customer == null || customer.Deleted)
            return new CartReturnOutcome(CartReturnAction.Invalid, Stale: false, Logged: false);

        var stale = CartReturnRules.IsStale(subject, await _reader.CartAsync(subject.CustomerId, storeId));
        var emailId = EmailIdOf(emailToken, settings, subject.CustomerId, storeId);
        return new CartReturnOutcome(action, stale, settings.Enabled && emailId > 0 && await LogAsync(customer, storeId, emailId));
    }

    /// <summary>
    /// The e-mail the link came from, when its signed cart token names this customer, store and the cart e-mail;
    /// 0 otherwise (an older link, or a tampered one): the cart still opens, but no click is counted.
    /// </summary>
    private static int EmailIdOf(string emailToken, PersonalizationSettings settings, int customerId, int storeId)
    {
        var key = TrackingKeyBytes.Read(settings.TrackingKey, EmailTrackingCodec.MIN_KEY_BYTES);
        if (key == null || string.IsNullOrEmpty(emailToken))
            return 0;

        var email = new EmailTrackingCodec(key).Check(emailToken);
        return email is { Kind: EmailKind.AbandonedCart, Target: EmailTarget.Cart } && email.CustomerId == customerId && email.StoreId == storeId
            ? email.EmailId
            : 0;
    }

    //the click is the customer's own, so their tracking consent decides whether it is kept with their id
    private async Task<bool> LogAsync(Customer customer, int storeId, int emailId)
    {
        if (!await _consent.MayIdentifyAsync(customer, storeId))
            return false;

        return _sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent
        {
            StoreId = storeId,
            CustomerId = customer.Id,
            EventType = (int)InteractionType.EmailClick,
            Quantity = 1,
            Placement = EmailPlacement.Of(EmailKind.AbandonedCart, emailId),
            CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime
        }));
    }
}
