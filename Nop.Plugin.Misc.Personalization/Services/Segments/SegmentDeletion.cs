using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Segments;

/// <param name="Deleted">False when placements still target the segment; nothing was changed then.</param>
/// <param name="TargetingPlacements">The placements shown only to this segment's members.</param>
public sealed record SegmentDeletion(bool Deleted, IReadOnlyList<PersonalizationPlacement> TargetingPlacements);
