using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.Personalization.Models.Segments;

/// <summary>
/// The add/edit form of one segment. The customer role sync is not offered: it is not built yet.
/// </summary>
public record SegmentModel : BaseNopEntityModel
{
    [NopResourceDisplayName("Plugins.Misc.Personalization.Segments.Fields.Name")]
    public string Name { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Segments.Fields.Rule")]
    public string Rule { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Segments.Fields.Enabled")]
    public bool Enabled { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Personalization.Segments.Fields.DisplayOrder")]
    public int DisplayOrder { get; set; }

    //shown with the form, never posted back

    /// <summary>
    /// 1-based position in <see cref="Rule"/> where the parser stopped; null when the rule parses or is empty.
    /// </summary>
    [BindNever]
    public int? RuleErrorPosition { get; set; }

    /// <summary>
    /// When the sizes are counted next (null before the first refresh).
    /// </summary>
    [BindNever]
    public DateTime? NextRefreshOnUtc { get; set; }
}
