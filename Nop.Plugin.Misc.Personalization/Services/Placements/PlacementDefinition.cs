namespace Nop.Plugin.Misc.Personalization.Services.Placements;

/// <summary>
/// An enabled placement as served from memory (an immutable copy of the database row), with its translated titles by
/// language id.
/// </summary>
public sealed record PlacementDefinition(int Id, int StoreId, string WidgetZone, string Strategy, string Title, int Count, int SegmentId, int DisplayOrder,
    bool LoadAfterPage = false, int ReservedHeight = 0, IReadOnlyDictionary<int, string> LocalizedTitles = null)
{
    /// <summary>
    /// The title in the language, falling back to the standard title when the owner did not translate it (as
    /// nopCommerce does for product names).
    /// </summary>
    public string TitleIn(int languageId) =>
        LocalizedTitles != null && LocalizedTitles.TryGetValue(languageId, out var title) && !string.IsNullOrWhiteSpace(title) ? title : Title;
}
