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

    public int DisplayOrder { get; set; }

    public bool Enabled { get; set; }
}
