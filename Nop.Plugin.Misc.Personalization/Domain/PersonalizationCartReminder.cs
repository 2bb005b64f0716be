using Nop.Core;

namespace Nop.Plugin.Misc.Personalization.Domain;

/// <summary>
/// The cart state last e-mailed to a customer in a store (one row per customer and store): a new state re-arms the
/// reminder, the same state is never e-mailed twice (beyond the optional second reminder).
/// </summary>
public class PersonalizationCartReminder : BaseEntity
{
    public int CustomerId { get; set; }

    public int StoreId { get; set; }

    /// <summary>Engine.AbandonedCarts.CartFingerprint of the e-mailed state (16 hex characters).</summary>
    public string Fingerprint { get; set; }

    /// <summary>When the e-mailed state was last changed by the shopper.</summary>
    public DateTime CartChangedOnUtc { get; set; }

    public DateTime FirstSentOnUtc { get; set; }

    public DateTime? SecondSentOnUtc { get; set; }
}
