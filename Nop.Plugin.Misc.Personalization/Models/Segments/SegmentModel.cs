using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.Personalization.Models.Segments;

/// <summary>
/// The add/edit form of one segment.
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

    /// <summary>
    /// The customer role kept in sync with the segment's members; 0 = none.
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.Personalization.Segments.Fields.CustomerRole")]
    public int CustomerRoleId { get; set; }

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

    /// <summary>
    /// "None" and the roles that are safe to sync and not synced by another segment.
    /// </summary>
    [BindNever]
    public IList<SelectListItem> AvailableCustomerRoles { get; set; } = new List<SelectListItem>();

    /// <summary>
    /// Why the role the segment syncs is not offered any more (it became a role that must not be synced); null otherwise.
    /// </summary>
    [BindNever]
    public string CustomerRoleWarning { get; set; }
}
