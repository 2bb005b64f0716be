namespace Nop.Plugin.Misc.Personalization.Engine.Measurement;

/// <summary>
/// What one placement did over a period.
/// </summary>
/// <param name="Impressions">Renders of the placement.</param>
/// <param name="ProductsShown">Products shown over all renders.</param>
/// <param name="AttributedOrderLines">Order lines whose product was bought within the attribution window after a click here.</param>
/// <param name="AttributedOrders">Distinct orders holding at least one such line.</param>
/// <param name="AttributedRevenue">Unit price × quantity of those lines.</param>
public sealed record PlacementPerformance(
    string Placement,
    int Impressions,
    long ProductsShown,
    int Clicks,
    int AttributedOrderLines,
    int AttributedOrders,
    decimal AttributedRevenue)
{
    /// <summary>
    /// Clicks per render; 0 when the placement was never rendered.
    /// </summary>
    public double ClickThroughRate => Impressions == 0 ? 0d : (double)Clicks / Impressions;
}
