namespace Nop.Plugin.Misc.Personalization.Services.RoleSync;

/// <summary>
/// What the last sync did with one segment's role. Every status but <see cref="Synced"/> left the role as it was.
/// </summary>
public enum RoleSyncStatus
{
    Synced,

    /// <summary>The refresh did not count the segment (its rule does not parse, or it was enabled meanwhile).</summary>
    NotEvaluated,

    /// <summary>No customer profile is stored at all: an empty segment would empty the role.</summary>
    NoProfiles,

    RoleUnknown,

    SystemRole,

    GrantsPermissions,
    AssignedByPurchase,

    /// <summary>Another enabled segment names the same role; neither is synced until one is changed.</summary>
    RoleShared,

    Failed,

    /// <summary>
    /// The role was linked before the linking rules (created for the segment, or empty when linked) existed.
    /// </summary>
    NotLinked,

    /// <summary>The admin who linked the role no longer holds "Manage plugins" and "Manage customers".</summary>
    NotPermitted
}
