namespace Nop.Plugin.Misc.Personalization.Engine.Health;

/// <summary>
/// One line of the checklist: its state and the reason, with the numbers the owner's text needs (in the order the
/// reason's text uses them).
/// </summary>
public sealed record HealthCheck(HealthItem Item, HealthState State, HealthReason Reason, params object[] Values);
