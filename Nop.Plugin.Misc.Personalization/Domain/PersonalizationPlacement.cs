using Nop.Core;

namespace Nop.Plugin.Misc.Personalization.Domain;

/// <summary>
/// Where and how recommendations appear: a widget zone, a strategy and a count, optionally for one segment.
/// </summary>
public class PersonalizationPlacement : BaseEntity
{
    public int StoreId { get; set; }

    public string WidgetZone { get; set; }

    /// <summary>
    /// A PlacementStrategy name (e.g. "Similar", "BoughtTogether", "ForYou", "Trending").
    /// </summary>
    public string Strategy { get; set; }

    public string Title { get; set; }

    public int Count { get; set; }

    /// <summary>
    /// Show only to customers in this segment; 0 = everyone.
    /// </summary>
    public int SegmentId { get; set; }

    public bool Enabled { get; set; }

    public int DisplayOrder { get; set; }
}
