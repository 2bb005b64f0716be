using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Placements;

/// <summary>
/// Placements in the database. Storefront code never calls this: it reads <see cref="IPlacementCatalog"/>.
/// </summary>
public sealed class PlacementService : IPlacementService
{
    private readonly IRepository<PersonalizationPlacement> _placementRepository;

    public PlacementService(IRepository<PersonalizationPlacement> placementRepository)
    {
        _placementRepository = placementRepository;
    }

    public async Task<IList<PersonalizationPlacement>> GetPlacementsAsync(int storeScope)
    {
        return await _placementRepository.GetAllAsync(query =>
        {
            if (storeScope > 0)
                query = query.Where(placement => placement.StoreId == 0 || placement.StoreId == storeScope);

            return query.OrderBy(placement => placement.WidgetZone)
                .ThenBy(placement => placement.DisplayOrder)
                .ThenBy(placement => placement.Id);
        });
    }

    public Task<PersonalizationPlacement> GetPlacementByIdAsync(int placementId) =>
        _placementRepository.GetByIdAsync(placementId);

    public Task InsertPlacementAsync(PersonalizationPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return _placementRepository.InsertAsync(placement);
    }

    public Task UpdatePlacementAsync(PersonalizationPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return _placementRepository.UpdateAsync(placement);
    }

    public Task DeletePlacementAsync(PersonalizationPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return _placementRepository.DeleteAsync(placement);
    }

    public async Task InsertDefaultPlacementsAsync()
    {
        var existing = await _placementRepository.GetAllAsync(query => query.Take(1));
        if (existing.Count > 0)
            return;

        await _placementRepository.InsertAsync(DefaultPlacements.Create().ToList());
    }

    public async Task<IReadOnlyList<PlacementDefinition>> LoadEnabledAsync()
    {
        var enabled = await _placementRepository.GetAllAsync(query => query.Where(placement => placement.Enabled));

        return enabled
            .Select(placement => new PlacementDefinition(placement.Id, placement.StoreId, placement.WidgetZone, placement.Strategy,
                placement.Title, placement.Count, placement.SegmentId, placement.DisplayOrder, placement.LoadAfterPage, placement.ReservedHeight))
            .ToList();
    }
}
