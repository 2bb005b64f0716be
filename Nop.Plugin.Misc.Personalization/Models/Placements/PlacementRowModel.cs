using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.Placements;

/// <summary>
/// One line of the placements table, with names already localized.
/// </summary>
public record PlacementRowModel : BaseNopEntityModel
{
    public string Store { get; set; }

    public string WidgetZone { get; set; }

    public string Strategy { get; set; }

    public string Title { get; set; }

    public int Count { get; set; }

    public int SegmentId { get; set; }

    /// <summary>
    /// Who the placement is for: "Everyone" or the segment's name (marked when disabled or deleted).
    /// </summary>
    public string Segment { get; set; }

    public bool Enabled { get; set; }

    public int DisplayOrder { get; set; }

    public bool LoadAfterPage { get; set; }
}
