namespace Nop.Plugin.Misc.Personalization.Services.Placements;

/// <summary>
/// The enabled placements, held in memory so widget rendering never waits on the database.
/// </summary>
public interface IPlacementCatalog
{
    /// <summary>
    /// Distinct widget zones that have at least one enabled placement in any store.
    /// </summary>
    IReadOnlyList<string> WidgetZones();

    /// <summary>
    /// Placements for a zone in a store (store 0 placements apply to every store), by display order.
    /// </summary>
    IReadOnlyList<PlacementDefinition> ForZone(int storeId, string widgetZone);

    /// <summary>
    /// An enabled placement shown in the store (its own or one for every store); null when there is none.
    /// </summary>
    PlacementDefinition Find(int storeId, int placementId);

    /// <summary>
    /// Replaces the whole set atomically.
    /// </summary>
    void Replace(IEnumerable<PlacementDefinition> placements);

    bool IsLoaded { get; }
}
