namespace Nop.Plugin.Misc.Personalization.Domain;

/// <summary>
/// How a segment's customer role was linked; stored as int in <see cref="PersonalizationSegment.RoleLink"/>.
/// </summary>
public enum RoleLink
{
    /// <summary>No role, or one linked before these rules existed: not synced.</summary>
    None = 0,

    /// <summary>The plugin created the role for the segment, without permissions.</summary>
    CreatedForSegment = 1,

    /// <summary>An existing role that had no member when it was linked.</summary>
    EmptyWhenLinked = 2
}
