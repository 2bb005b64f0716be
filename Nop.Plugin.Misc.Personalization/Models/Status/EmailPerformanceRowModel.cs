namespace Nop.Plugin.Misc.Personalization.Models.Status;

/// <summary>
/// One e-mail kind's line on the performance card.
/// </summary>
public record EmailPerformanceRowModel
{
    public string Kind { get; set; }

    public int Sent { get; set; }

    public int Opened { get; set; }

    public double OpenRate { get; set; }

    public int Clicked { get; set; }

    public double ClickRate { get; set; }

    public int AttributedOrders { get; set; }

    public decimal AttributedRevenue { get; set; }
}
