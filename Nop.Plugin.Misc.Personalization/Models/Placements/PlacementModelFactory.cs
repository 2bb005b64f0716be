using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Models.Placements;

/// <summary>
/// Builds the placement models of the admin pages and maps a valid form back onto the entity.
/// </summary>
public class PlacementModelFactory
{
    public const int DEFAULT_COUNT = 4;

    private readonly ILocalizationService _localizationService;
    private readonly IPlacementService _placementService;

    public PlacementModelFactory(ILocalizationService localizationService, IPlacementService placementService)
    {
        _localizationService = localizationService;
        _placementService = placementService;
    }

    public virtual async Task<PlacementListModel> PrepareListModelAsync(int storeScope)
    {
        var allStores = await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Placements.AllStores");
        var model = new PlacementListModel { StoreScope = storeScope };

        foreach (var placement in await _placementService.GetPlacementsAsync(storeScope))
        {
            model.Placements.Add(new PlacementRowModel
            {
                Id = placement.Id,
                Store = placement.StoreId == 0 ? allStores : placement.StoreId.ToString(),
                WidgetZone = placement.WidgetZone,
                Strategy = await StrategyNameAsync(placement.Strategy),
                Title = placement.Title,
                Count = placement.Count,
                SegmentId = placement.SegmentId,
                Enabled = placement.Enabled,
                DisplayOrder = placement.DisplayOrder
            });
        }

        model.NewPlacement = await PrepareFormModelAsync(NewFormModel());

        return model;
    }

    public static PlacementModel NewFormModel() => new()
    {
        Strategy = nameof(PlacementStrategy.ForYou),
        WidgetZone = "home_page_before_products",
        Count = DEFAULT_COUNT,
        Enabled = true
    };

    public static PlacementModel ToModel(PersonalizationPlacement placement)
    {
        var known = PlacementZones.IsKnown(placement.WidgetZone);
        return new PlacementModel
        {
            Id = placement.Id,
            WidgetZone = known ? placement.WidgetZone : string.Empty,
            CustomWidgetZone = known ? null : placement.WidgetZone,
            Strategy = placement.Strategy,
            Title = placement.Title,
            Count = placement.Count,
            SegmentId = placement.SegmentId,
            Enabled = placement.Enabled,
            DisplayOrder = placement.DisplayOrder
        };
    }

    /// <summary>
    /// Copies a validated form onto the entity; the store of an existing placement never changes here.
    /// </summary>
    public static void Apply(PlacementModel model, PersonalizationPlacement placement)
    {
        placement.WidgetZone = model.EffectiveWidgetZone;
        placement.Strategy = PlacementModelValidator.ParseStrategy(model.Strategy)!.Value.ToString();
        placement.Title = model.Title?.Trim() ?? string.Empty;
        placement.Count = model.Count;
        placement.SegmentId = model.SegmentId;
        placement.Enabled = model.Enabled;
        placement.DisplayOrder = model.DisplayOrder;
    }

    /// <summary>
    /// Fills the select lists: strategies with the page they need, known zones grouped by page, and an entry for a
    /// theme's own zone.
    /// </summary>
    public virtual async Task<PlacementModel> PrepareFormModelAsync(PlacementModel model)
    {
        ArgumentNullException.ThrowIfNull(model);

        model.AvailableStrategies = new List<SelectListItem>();
        foreach (var strategy in Enum.GetValues<PlacementStrategy>())
        {
            model.AvailableStrategies.Add(new SelectListItem(await StrategyNameAsync(strategy.ToString()), strategy.ToString(),
                string.Equals(model.Strategy, strategy.ToString(), StringComparison.Ordinal)));
        }

        model.AvailableWidgetZones = new List<SelectListItem>
        {
            new(await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Placements.CustomZoneOption"), string.Empty,
                string.IsNullOrEmpty(model.WidgetZone))
        };
        var groups = new Dictionary<PlacementPage, SelectListGroup>();
        foreach (var (zone, page) in PlacementZones.Known)
        {
            if (!groups.TryGetValue(page, out var group))
            {
                group = new SelectListGroup { Name = await _localizationService.GetResourceAsync(PlacementModelValidator.PageResourceKey(page)) };
                groups.Add(page, group);
            }

            model.AvailableWidgetZones.Add(new SelectListItem(zone, zone, string.Equals(model.WidgetZone, zone, StringComparison.Ordinal))
            {
                Group = group
            });
        }

        return model;
    }

    private async Task<string> StrategyNameAsync(string storedName)
    {
        return PlacementModelValidator.ParseStrategy(storedName) is { } strategy
            ? await _localizationService.GetResourceAsync(PlacementModelValidator.StrategyResourceKey(strategy))
            : storedName;
    }
}
