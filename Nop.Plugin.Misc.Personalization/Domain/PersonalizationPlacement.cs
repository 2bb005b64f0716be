using Nop.Core;
using Nop.Core.Domain.Localization;

namespace Nop.Plugin.Misc.Personalization.Domain;

/// <summary>
/// Where and how recommendations appear: a widget zone, a strategy and a count, optionally for one segment. The title
/// can be translated per language (nopCommerce's localized properties).
/// </summary>
public class PersonalizationPlacement : BaseEntity, ILocalizedEntity
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

    /// <summary>
    /// Rendered after the page has loaded, by one small signed request, instead of with the page: the page's own
    /// response time does not include it, and search engines that run no scripts do not see it.
    /// </summary>
    public bool LoadAfterPage { get; set; }

    /// <summary>
    /// Height in pixels kept free for a placement loaded after the page until its products arrive, so nothing below
    /// it moves; 0 = <see cref="PersonalizationDefaults.AfterPageReservedHeight"/>.
    /// </summary>
    public int ReservedHeight { get; set; }
}
