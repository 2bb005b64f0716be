using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.Health;

/// <summary>
/// One line of the checklist: its state and the reason, with the numbers the owner's text needs (in the order the
/// reason's text uses them).
/// </summary>
public sealed record HealthCheck(HealthItem Item, HealthState State, HealthReason Reason, params object[] Values)
{
    /// <summary>Events of the last day by kind (the events line only).</summary>
    public IReadOnlyList<KeyValuePair<InteractionType, long>> Breakdown { get; init; } = [];
}
