using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Web.Framework.Models;
using Nop.Web.Models.Catalog;

namespace Nop.Plugin.Misc.Personalization.Models.Widgets;

/// <summary>
/// One placement as rendered: its title and the theme's product overview models.
/// </summary>
public record PlacementBlockModel : BaseNopModel
{
    public int PlacementId { get; set; }

    public string Strategy { get; set; }

    public string Title { get; set; }

    public IList<ProductOverviewModel> Products { get; set; } = new List<ProductOverviewModel>();

    /// <summary>
    /// Signed click tracking for exactly the products shown; null when tracking is unavailable.
    /// </summary>
    public ClickTrackingModel Tracking { get; set; }

    /// <summary>
    /// Set when the placement loads after the page: the block is then an empty slot (no products yet).
    /// </summary>
    public AfterPageSlotModel AfterPage { get; set; }
}
