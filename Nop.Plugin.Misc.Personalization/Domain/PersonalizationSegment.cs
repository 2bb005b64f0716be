using Nop.Core;

namespace Nop.Plugin.Misc.Personalization.Domain;

/// <summary>
/// A broad group of customers defined by the admin as a rule over profiles (lifecycle, value, interest).
/// </summary>
public class PersonalizationSegment : BaseEntity
{
    public string Name { get; set; }

    /// <summary>
    /// The rule in the engine's segment rule syntax.
    /// </summary>
    public string RuleDefinition { get; set; }

    /// <summary>
    /// Customer role kept in sync with the segment's members; 0 = no sync.
    /// </summary>
    public int CustomerRoleId { get; set; }

    /// <summary>
    /// How <see cref="CustomerRoleId"/> was linked (<see cref="RoleLink"/> as int): only a role created for the segment
    /// or empty when linked is synced; 0 = not linked under those rules (before plugin 0.5.0).
    /// </summary>
    public int RoleLink { get; set; }

    public DateTime? RoleLinkedOnUtc { get; set; }

    /// <summary>
    /// The admin who linked the role; the sync runs only while they hold the permissions linking needs.
    /// </summary>
    public int RoleLinkedByCustomerId { get; set; }

    public int DisplayOrder { get; set; }

    public bool Enabled { get; set; }
}
