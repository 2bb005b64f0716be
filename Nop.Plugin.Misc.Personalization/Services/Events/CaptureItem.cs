using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Events;

/// <summary>
/// What travels from the request path to the writer, in order: an event to store, or a guest history to move to the
/// customer who just logged in or registered (so the merge happens after the guest's own pending events are stored).
/// </summary>
public readonly record struct CaptureItem(PersonalizationEvent Event, int MergeFromCustomerId, int MergeToCustomerId)
{
    public static CaptureItem Store(PersonalizationEvent personalizationEvent) => new(personalizationEvent, 0, 0);

    public static CaptureItem Merge(int fromCustomerId, int toCustomerId) => new(null, fromCustomerId, toCustomerId);

    public bool IsMerge => Event == null;
}
