using Nop.Core;

namespace Nop.Plugin.Misc.Personalization.Domain;

/// <summary>
/// One e-mail the plugin queued for a customer, whatever its kind: the shared frequency cap reads the latest per
/// customer, so reminders of different kinds never pile up in one inbox.
/// </summary>
public class PersonalizationEmailSend : BaseEntity
{
    public int CustomerId { get; set; }

    public int StoreId { get; set; }

    /// <summary>Engine.Messaging.EmailKind stored as its number.</summary>
    public int Kind { get; set; }

    public DateTime SentOnUtc { get; set; }
}
