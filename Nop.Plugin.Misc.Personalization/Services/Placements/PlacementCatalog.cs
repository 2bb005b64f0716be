namespace Nop.Plugin.Misc.Personalization.Services.Placements;

/// <summary>
/// Copy-on-write set of placements: readers see one consistent snapshot without locks.
/// </summary>
public sealed class PlacementCatalog : IPlacementCatalog
{
    private sealed record Snapshot(IReadOnlyList<string> Zones, ILookup<string, PlacementDefinition> ByZone,
        IReadOnlyDictionary<int, PlacementDefinition> ById, bool Loaded);

    private static readonly Snapshot _empty = new([], Array.Empty<PlacementDefinition>().ToLookup(p => p.WidgetZone),
        new Dictionary<int, PlacementDefinition>(), false);

    private volatile Snapshot _current = _empty;

    public bool IsLoaded => _current.Loaded;

    public IReadOnlyList<string> WidgetZones() => _current.Zones;

    public IReadOnlyList<PlacementDefinition> ForZone(int storeId, string widgetZone)
    {
        if (string.IsNullOrEmpty(widgetZone))
            return [];

        return _current.ByZone[widgetZone]
            .Where(placement => placement.StoreId == 0 || placement.StoreId == storeId)
            .ToList();
    }

    public PlacementDefinition Find(int storeId, int placementId) =>
        _current.ById.TryGetValue(placementId, out var placement) && (placement.StoreId == 0 || placement.StoreId == storeId) ? placement : null;

    public void Replace(IEnumerable<PlacementDefinition> placements)
    {
        ArgumentNullException.ThrowIfNull(placements);

        var ordered = placements
            .Where(placement => !string.IsNullOrWhiteSpace(placement.WidgetZone))
            .OrderBy(placement => placement.DisplayOrder)
            .ThenBy(placement => placement.Id)
            .ToList();

        var zones = ordered.Select(placement => placement.WidgetZone)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        _current = new Snapshot(zones, ordered.ToLookup(placement => placement.WidgetZone, StringComparer.OrdinalIgnoreCase),
            ordered.DistinctBy(placement => placement.Id).ToDictionary(placement => placement.Id), true);
    }
}
