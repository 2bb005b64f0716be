namespace Nop.Plugin.Misc.Personalization.Services.Placements;

/// <summary>
/// An enabled placement as served from memory (an immutable copy of the database row).
/// </summary>
public sealed record PlacementDefinition(int Id, int StoreId, string WidgetZone, string Strategy, string Title, int Count, int SegmentId, int DisplayOrder,
    bool LoadAfterPage = false, int ReservedHeight = 0);
