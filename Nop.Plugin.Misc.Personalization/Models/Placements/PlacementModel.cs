using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.Personalization.Models.Placements;

/// <summary>
/// The add/edit form of one placement. The zone comes from the list of known zones or, for a theme's own zone, from
/// <see cref="CustomWidgetZone"/>, which wins when filled in.
/// </summary>
public record PlacementModel : BaseNopEntityModel, ILocalizedModel<PlacementLocalizedModel>
{
    [NopResourceDisplayName("Plugins.Misc.Personalization.Placements.Fields.WidgetZone")]
    public string WidgetZone { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Placements.Fields.CustomWidgetZone")]
    public string CustomWidgetZone { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Placements.Fields.Strategy")]
    public string Strategy { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Placements.Fields.Title")]
    public string Title { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Placements.Fields.Count")]
    public int Count { get; set; }

    /// <summary>
    /// The segment the placement is for; 0 = everyone.
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.Personalization.Placements.Fields.Segment")]
    public int SegmentId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Placements.Fields.Enabled")]
    public bool Enabled { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Placements.Fields.DisplayOrder")]
    public int DisplayOrder { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Placements.Fields.LoadAfterPage")]
    public bool LoadAfterPage { get; set; }

    /// <summary>
    /// Pixels kept free until the products arrive; 0 = the default.
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.Personalization.Placements.Fields.ReservedHeight")]
    public int ReservedHeight { get; set; }

    /// <summary>
    /// The title in each of the shop's languages; an empty one falls back to <see cref="Title"/>.
    /// </summary>
    public IList<PlacementLocalizedModel> Locales { get; set; } = new List<PlacementLocalizedModel>();

    public IList<SelectListItem> AvailableWidgetZones { get; set; } = new List<SelectListItem>();

    public IList<SelectListItem> AvailableStrategies { get; set; } = new List<SelectListItem>();

    public IList<SelectListItem> AvailableSegments { get; set; } = new List<SelectListItem>();

    /// <summary>
    /// The zone that is saved: the custom one when given, else the chosen known one.
    /// </summary>
    public string EffectiveWidgetZone => string.IsNullOrWhiteSpace(CustomWidgetZone) ? WidgetZone?.Trim() : CustomWidgetZone.Trim();

    /// <summary>
    /// The form field the zone came from, so an error shows next to it.
    /// </summary>
    public string EffectiveWidgetZoneField => string.IsNullOrWhiteSpace(CustomWidgetZone) ? nameof(WidgetZone) : nameof(CustomWidgetZone);
}
