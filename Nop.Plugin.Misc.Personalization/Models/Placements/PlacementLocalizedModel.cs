using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.Personalization.Models.Placements;

/// <summary>
/// A placement's title in one language, on the placement form's language tabs.
/// </summary>
public record PlacementLocalizedModel : ILocalizedLocaleModel
{
    public int LanguageId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Placements.Fields.Title")]
    public string Title { get; set; }
}
