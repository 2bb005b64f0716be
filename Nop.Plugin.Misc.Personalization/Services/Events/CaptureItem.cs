using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Events;

/// <summary>
/// What travels from the request path to the writer, in order: an event to store, a guest history to move to the
/// customer who just logged in or registered (so the merge happens after the guest's own pending events are stored), or
/// a customer to forget (consent withdrawn, opted out: their events become anonymous, their profiles and predictions go),
/// or an order whose purchases no longer count (cancelled, refunded or voided; after its own purchases are stored).
/// </summary>
public readonly record struct CaptureItem(PersonalizationEvent Event, int MergeFromCustomerId, int MergeToCustomerId, int ForgetCustomerId = 0,
    int RetractOrderId = 0)
{
    public static CaptureItem Store(PersonalizationEvent personalizationEvent) => new(personalizationEvent, 0, 0);

    public static CaptureItem Merge(int fromCustomerId, int toCustomerId) => new(null, fromCustomerId, toCustomerId);

    public static CaptureItem Forget(int customerId) => new(null, 0, 0, customerId);

    public static CaptureItem RetractOrder(int orderId) => new(null, 0, 0, RetractOrderId: orderId);

    /// <summary>Not an event: a merge, forget or retraction, which the writer runs on its own after the events before it.</summary>
    public bool IsMerge => Event == null;

    public bool IsForget => Event == null && ForgetCustomerId > 0;

    public bool IsRetraction => Event == null && RetractOrderId > 0;
}
