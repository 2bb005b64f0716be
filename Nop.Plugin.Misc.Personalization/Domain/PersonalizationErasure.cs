using Nop.Core;

namespace Nop.Plugin.Misc.Personalization.Domain;

/// <summary>
/// A customer whose personalization data was erased, and when. Every node polls these rows to forget the customer in
/// memory too; the daily sweep deletes rows older than a few days.
/// </summary>
public class PersonalizationErasure : BaseEntity
{
    public int CustomerId { get; set; }

    public DateTime ErasedOnUtc { get; set; }
}
