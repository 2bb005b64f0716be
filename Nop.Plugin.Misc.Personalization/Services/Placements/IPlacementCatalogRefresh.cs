namespace Nop.Plugin.Misc.Personalization.Services.Placements;

/// <summary>
/// Asks for the placement catalog to be reloaded from the database soon, without waiting for it.
/// </summary>
public interface IPlacementCatalogRefresh
{
    void RequestReload();
}
