namespace Nop.Plugin.Misc.Personalization.Services.RoleSync;

/// <summary>
/// Whether a customer role may have its membership rewritten by a segment every day.
/// </summary>
public enum RoleSafety
{
    Safe,

    /// <summary>No customer role has the id.</summary>
    Unknown,

    /// <summary>A nopCommerce system role (Administrators, Registered, Guests, Vendors, Forum moderators...).</summary>
    SystemRole,

    /// <summary>The role holds at least one permission (admin area, vendor, catalog management...).</summary>
    GrantsPermissions,

    /// <summary>
    /// nopCommerce itself adds buyers of a product to the role when an order is paid and removes them on cancellation
    /// (<c>CustomerRole.PurchasedWithProductId</c>); a sync would fight it.
    /// </summary>
    AssignedByPurchase
}
