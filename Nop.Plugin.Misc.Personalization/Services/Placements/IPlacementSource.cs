namespace Nop.Plugin.Misc.Personalization.Services.Placements;

/// <summary>
/// Where the catalog refresher reads the enabled placements from.
/// </summary>
public interface IPlacementSource
{
    Task<IReadOnlyList<PlacementDefinition>> LoadEnabledAsync();
}
