using Nop.Core;

namespace Nop.Plugin.Misc.Personalization.Domain;

/// <summary>
/// A customer-role mapping the role sync added to nopCommerce's Customer_CustomerRole_Mapping; the sync removes only
/// mappings recorded here, so a member an admin added by hand is never taken out.
/// </summary>
public class PersonalizationRoleMapping : BaseEntity
{
    public int SegmentId { get; set; }

    public int CustomerRoleId { get; set; }

    public int CustomerId { get; set; }

    public DateTime AddedOnUtc { get; set; }
}
