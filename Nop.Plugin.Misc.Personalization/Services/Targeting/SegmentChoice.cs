namespace Nop.Plugin.Misc.Personalization.Services.Targeting;

/// <summary>
/// A segment a placement can target, as the placement form lists it.
/// </summary>
public sealed record SegmentChoice(int Id, string Name, bool Enabled);
