namespace Nop.Plugin.Misc.Personalization.Engine.Messaging;

/// <summary>
/// What one kind of plugin e-mail did over a period.
/// </summary>
/// <param name="Sent">E-mails queued.</param>
/// <param name="Opened">Distinct e-mails whose pixel loaded (images blocked by the mail client are never counted).</param>
/// <param name="Clicked">Distinct e-mails with at least one tracked link followed.</param>
/// <param name="Clicks">Tracked links followed.</param>
/// <param name="AttributedOrders">Distinct orders placed within the attribution window after a click in such an e-mail.</param>
/// <param name="AttributedRevenue">Unit price × quantity of those orders' lines.</param>
public sealed record EmailKindPerformance(EmailKind Kind, int Sent, int Opened, int Clicked, int Clicks, int AttributedOrders, decimal AttributedRevenue)
{
    public double OpenRate => Sent == 0 ? 0d : (double)Opened / Sent;

    public double ClickRate => Sent == 0 ? 0d : (double)Clicked / Sent;
}
