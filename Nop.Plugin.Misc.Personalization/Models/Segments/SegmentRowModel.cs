using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.Segments;

/// <summary>
/// One line of the segments table.
/// </summary>
public record SegmentRowModel : BaseNopEntityModel
{
    public string Name { get; set; }

    /// <summary>
    /// The rule in canonical form, or as stored when it does not parse.
    /// </summary>
    public string Rule { get; set; }

    /// <summary>
    /// The stored rule does not parse (written outside this page); the refresh skips the segment.
    /// </summary>
    public bool RuleInvalid { get; set; }

    public bool Enabled { get; set; }

    public int DisplayOrder { get; set; }

    /// <summary>
    /// The size in each store at the last refresh; empty when the refresh has not counted this segment.
    /// </summary>
    public IList<SegmentStoreSizeModel> Sizes { get; set; } = new List<SegmentStoreSizeModel>();
}
