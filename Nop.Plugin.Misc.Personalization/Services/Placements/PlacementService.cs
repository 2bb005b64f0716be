using Nop.Core.Domain.Localization;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Placements;

/// <summary>
/// Placements in the database. Storefront code never calls this: it reads <see cref="IPlacementCatalog"/>.
/// </summary>
public sealed class PlacementService : IPlacementService
{
    private readonly IRepository<LocalizedProperty> _localizedPropertyRepository;
    private readonly IRepository<PersonalizationPlacement> _placementRepository;

    public PlacementService(IRepository<PersonalizationPlacement> placementRepository, IRepository<LocalizedProperty> localizedPropertyRepository)
    {
        _placementRepository = placementRepository;
        _localizedPropertyRepository = localizedPropertyRepository;
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
        var titles = await LocalizedTitlesAsync();

        return enabled
            .Select(placement => new PlacementDefinition(placement.Id, placement.StoreId, placement.WidgetZone, placement.Strategy,
                placement.Title, placement.Count, placement.SegmentId, placement.DisplayOrder, placement.LoadAfterPage, placement.ReservedHeight,
                titles.GetValueOrDefault(placement.Id)))
            .ToList();
    }

    /// <summary>
    /// Every translated title, by placement and language: one read of nopCommerce's localized properties, so the
    /// storefront picks the working language's title from memory.
    /// </summary>
    private async Task<IReadOnlyDictionary<int, IReadOnlyDictionary<int, string>>> LocalizedTitlesAsync()
    {
        var rows = await _localizedPropertyRepository.GetAllAsync(query => query.Where(property =>
            property.LocaleKeyGroup == PlacementTitles.LOCALE_KEY_GROUP && property.LocaleKey == PlacementTitles.TITLE_KEY));

        return rows
            .Where(row => !string.IsNullOrWhiteSpace(row.LocaleValue))
            .GroupBy(row => row.EntityId)
            .ToDictionary(group => group.Key,
                group => (IReadOnlyDictionary<int, string>)group.GroupBy(row => row.LanguageId)
                    .ToDictionary(language => language.Key, language => language.OrderByDescending(row => row.Id).First().LocaleValue));
    }
}
