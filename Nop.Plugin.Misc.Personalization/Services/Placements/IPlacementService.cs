using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Placements;

public interface IPlacementService : IPlacementSource
{
    /// <summary>
    /// Placements an admin sees in a store scope: scope 0 lists every placement; a store lists its own and the
    /// ones for all stores (StoreId 0), since those apply to it too.
    /// </summary>
    Task<IList<PersonalizationPlacement>> GetPlacementsAsync(int storeScope);

    Task<PersonalizationPlacement> GetPlacementByIdAsync(int placementId);

    Task InsertPlacementAsync(PersonalizationPlacement placement);

    Task UpdatePlacementAsync(PersonalizationPlacement placement);

    Task DeletePlacementAsync(PersonalizationPlacement placement);

    /// <summary>
    /// Adds <see cref="DefaultPlacements"/> unless placements exist already.
    /// </summary>
    Task InsertDefaultPlacementsAsync();
}
