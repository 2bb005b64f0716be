using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.Targeting;
using Nop.Services.Localization;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Web.Framework.Factories;

namespace Nop.Plugin.Misc.Personalization.Models.Placements;

/// <summary>
/// Builds the placement models of the admin pages and maps a valid form back onto the entity.
/// </summary>
public class PlacementModelFactory
{
    public const int DEFAULT_COUNT = 4;

    private readonly ILocalizationService _localizationService;
    private readonly ILocalizedModelFactory _localizedModelFactory;
    private readonly IShopLog _log;
    private readonly IPlacementService _placementService;
    private readonly PlacementTitles _placementTitles;
    private readonly SegmentChoices _segmentChoices;

    public PlacementModelFactory(ILocalizationService localizationService, ILocalizedModelFactory localizedModelFactory, IShopLog shopLog,
        IPlacementService placementService, PlacementTitles placementTitles, SegmentChoices segmentChoices)
    {
        _localizationService = localizationService;
        _localizedModelFactory = localizedModelFactory;
        _log = shopLog;
        _placementService = placementService;
        _placementTitles = placementTitles;
        _segmentChoices = segmentChoices;
    }

    public virtual async Task<PlacementListModel> PrepareListModelAsync(int storeScope)
    {
        var allStores = await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Placements.AllStores");
        var model = new PlacementListModel { StoreScope = storeScope };
        var segments = await SegmentsOrNullAsync();

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
                Segment = await SegmentNameAsync(placement.SegmentId, segments),
                Enabled = placement.Enabled,
                DisplayOrder = placement.DisplayOrder,
                LoadAfterPage = placement.LoadAfterPage
            });
        }

        model.NewPlacement = await PrepareFormModelAsync(NewFormModel(), null, segments);

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
            DisplayOrder = placement.DisplayOrder,
            LoadAfterPage = placement.LoadAfterPage,
            ReservedHeight = placement.ReservedHeight
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
        placement.LoadAfterPage = model.LoadAfterPage;
        placement.ReservedHeight = model.ReservedHeight;
    }

    /// <summary>
    /// The translated titles of a posted form, one per language tab.
    /// </summary>
    public static IEnumerable<(int LanguageId, string Title)> LocalizedTitles(PlacementModel model) =>
        (model.Locales ?? []).Where(locale => locale != null).Select(locale => (locale.LanguageId, locale.Title));

    /// <summary>
    /// Fills the select lists (strategies with the page they need, known zones grouped by page, and an entry for a
    /// theme's own zone, and the segments) and the language tabs: a posted form keeps what was typed, an existing
    /// placement shows its saved translations.
    /// </summary>
    public virtual async Task<PlacementModel> PrepareFormModelAsync(PlacementModel model, PersonalizationPlacement placement = null) =>
        await PrepareFormModelAsync(model, placement, await SegmentsOrNullAsync());

    /// <summary>
    /// The ids a placement may target (every segment, enabled or not), for <see cref="PlacementModelValidator.Validate"/>.
    /// </summary>
    public virtual async Task<IReadOnlyCollection<int>> SegmentIdsAsync() =>
        (await _segmentChoices.LoadAsync()).Select(segment => segment.Id).ToHashSet();

    private async Task<PlacementModel> PrepareFormModelAsync(PlacementModel model, PersonalizationPlacement placement, IReadOnlyList<SegmentChoice> segments)
    {
        ArgumentNullException.ThrowIfNull(model);

        if (model.Locales == null || model.Locales.Count == 0)
        {
            var saved = placement == null ? new Dictionary<int, string>() : await _placementTitles.GetAsync(placement.Id);
            model.Locales = await _localizedModelFactory.PrepareLocalizedModelsAsync<PlacementLocalizedModel>((locale, languageId) =>
            {
                locale.Title = saved.GetValueOrDefault(languageId);
                return Task.CompletedTask;
            });
        }

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

        model.AvailableSegments = await SegmentItemsAsync(model.SegmentId, segments);

        return model;
    }

    /// <summary>
    /// The segments, or null when they cannot be read: the placements still show, with segment ids for names (the
    /// segments' own card reports the failure where segments are listed). Saving still needs them and fails loudly.
    /// </summary>
    private async Task<IReadOnlyList<SegmentChoice>> SegmentsOrNullAsync()
    {
        try
        {
            return await _segmentChoices.LoadAsync();
        }
        catch (Exception exception)
        {
            _log.Warning("the segments could not be read; placements are listed with segment ids.", exception);
            return null;
        }
    }

    /// <summary>
    /// "Everyone" (0), then every segment by display order. A segment deleted since the placement was saved stays
    /// listed and chosen, so the form shows what is saved instead of quietly switching to everyone; saving asks for
    /// another choice.
    /// </summary>
    private async Task<IList<SelectListItem>> SegmentItemsAsync(int selectedId, IReadOnlyList<SegmentChoice> segments)
    {
        var items = new List<SelectListItem>
        {
            new(await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Placements.Segment.Everyone"), "0", selectedId == 0)
        };
        foreach (var segment in segments ?? [])
            items.Add(new SelectListItem(await SegmentNameAsync(segment.Id, segments), segment.Id.ToString(CultureInfo.InvariantCulture), segment.Id == selectedId));

        if (selectedId != 0 && (segments ?? []).All(segment => segment.Id != selectedId))
            items.Add(new SelectListItem(await SegmentNameAsync(selectedId, segments), selectedId.ToString(CultureInfo.InvariantCulture), true));

        return items;
    }

    private async Task<string> SegmentNameAsync(int segmentId, IReadOnlyList<SegmentChoice> segments)
    {
        if (segmentId == 0)
            return await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Placements.Segment.Everyone");

        if (segments == null)
            return string.Format(await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Placements.Segment.Unread"), segmentId);

        var segment = segments.FirstOrDefault(choice => choice.Id == segmentId);
        if (segment == null)
            return string.Format(await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Placements.Segment.Missing"), segmentId);

        return segment.Enabled
            ? segment.Name
            : string.Format(await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Placements.Segment.Disabled"), segment.Name);
    }

    private async Task<string> StrategyNameAsync(string storedName)
    {
        return PlacementModelValidator.ParseStrategy(storedName) is { } strategy
            ? await _localizationService.GetResourceAsync(PlacementModelValidator.StrategyResourceKey(strategy))
            : storedName;
    }
}
