using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.Segments;

/// <summary>
/// One line of the segments table.
/// </summary>
public record SegmentRowModel : BaseNopEntityModel
{
    public string Name { get; set; }

    /// <summary>
    /// The rule in canonical form, or as stored when it does not parse.
    /// </summary>
    public string Rule { get; set; }

    /// <summary>
    /// The stored rule does not parse (written outside this page); the refresh skips the segment.
    /// </summary>
    public bool RuleInvalid { get; set; }

    public bool Enabled { get; set; }

    public int DisplayOrder { get; set; }

    /// <summary>The customer role kept in sync; 0 = none.</summary>
    public int CustomerRoleId { get; set; }

    /// <summary>The role's name, or a text saying it no longer exists; null when no role is synced.</summary>
    public string CustomerRole { get; set; }

    /// <summary>What the last role sync did with this segment, or when it will be synced; null when no role is synced.</summary>
    public string RoleSync { get; set; }

    /// <summary>The last sync left the role alone for a reason the admin should fix (or failed).</summary>
    public bool RoleSyncWarning { get; set; }

    /// <summary>
    /// The size in each store at the last refresh; empty when the refresh has not counted this segment.
    /// </summary>
    public IList<SegmentStoreSizeModel> Sizes { get; set; } = new List<SegmentStoreSizeModel>();
}
