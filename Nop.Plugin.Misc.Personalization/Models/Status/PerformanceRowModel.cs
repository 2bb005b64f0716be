using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.Status;

/// <summary>
/// One placement's numbers with names already localized.
/// </summary>
public record PerformanceRowModel : BaseNopModel
{
    /// <summary>The placement id as the events store it.</summary>
    public string PlacementKey { get; set; }

    /// <summary>The placement was deleted after it recorded events.</summary>
    public bool Deleted { get; set; }

    public string Title { get; set; }

    public string WidgetZone { get; set; }

    public string Strategy { get; set; }

    public int Impressions { get; set; }

    public long ProductsShown { get; set; }

    public int Clicks { get; set; }

    public double ClickThroughRate { get; set; }

    public int AttributedOrders { get; set; }

    public int AttributedOrderLines { get; set; }

    public decimal AttributedRevenue { get; set; }
}
