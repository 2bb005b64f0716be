using Nop.Core.Domain.Localization;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Services.Placements;

/// <summary>
/// A placement's title per language, kept where nopCommerce keeps every translated entity field (its localized
/// properties, grouped by the entity's type name), so translation tools and imports that know nopCommerce find them.
/// </summary>
public class PlacementTitles
{
    public const string LOCALE_KEY_GROUP = nameof(PersonalizationPlacement);
    public const string TITLE_KEY = nameof(PersonalizationPlacement.Title);

    private readonly ILocalizedEntityService _localizedEntityService;
    private readonly IRepository<LocalizedProperty> _localizedPropertyRepository;

    public PlacementTitles(ILocalizedEntityService localizedEntityService, IRepository<LocalizedProperty> localizedPropertyRepository)
    {
        _localizedEntityService = localizedEntityService;
        _localizedPropertyRepository = localizedPropertyRepository;
    }

    /// <summary>
    /// The placement's translated title in each language that has one.
    /// </summary>
    public virtual async Task<IReadOnlyDictionary<int, string>> GetAsync(int placementId)
    {
        var rows = await _localizedEntityService.GetEntityLocalizedPropertiesAsync(placementId, LOCALE_KEY_GROUP, TITLE_KEY);
        return rows.GroupBy(row => row.LanguageId).ToDictionary(group => group.Key, group => group.OrderByDescending(row => row.Id).First().LocaleValue);
    }

    /// <summary>
    /// Saves each language's title; an empty one removes that language's translation (nopCommerce's own rule).
    /// </summary>
    public virtual async Task SaveAsync(PersonalizationPlacement placement, IEnumerable<(int LanguageId, string Title)> titles)
    {
        ArgumentNullException.ThrowIfNull(placement);
        foreach (var (languageId, title) in titles ?? [])
        {
            if (languageId > 0)
                await _localizedEntityService.SaveLocalizedValueAsync(placement, entity => entity.Title, title?.Trim() ?? string.Empty, languageId);
        }
    }

    /// <summary>
    /// Removes the translations of a deleted placement.
    /// </summary>
    public virtual Task DeleteAsync(int placementId) =>
        _localizedPropertyRepository.DeleteAsync(property => property.LocaleKeyGroup == LOCALE_KEY_GROUP && property.EntityId == placementId);

    /// <summary>
    /// Removes every placement's translations (the plugin is uninstalled).
    /// </summary>
    public virtual Task DeleteAllAsync() =>
        _localizedPropertyRepository.DeleteAsync(property => property.LocaleKeyGroup == LOCALE_KEY_GROUP);
}
