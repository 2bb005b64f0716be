namespace Nop.Plugin.Misc.Personalization.Engine.Engagement;

/// <summary>
/// How one customer of one store responds to the shop's e-mails over the last <see cref="EmailEngagementCalculator.WindowDays"/> days.
/// </summary>
/// <param name="Sent">Plugin e-mails sent to the customer (reminders, abandoned carts).</param>
/// <param name="Opened">Distinct e-mails opened or clicked (a click is an open, even when the mail client blocked the pixel).</param>
/// <param name="Clicked">Distinct e-mails with at least one click.</param>
/// <param name="ClickRate">Clicked plugin e-mails / sent ones, at most 1; null when none was sent.</param>
public sealed record EmailEngagementSummary(int Sent, int Opened, int Clicked, DateTime? LastOpenUtc, DateTime? LastClickUtc, double? ClickRate)
{
    public static double? DaysSince(DateTime? timeUtc, DateTime nowUtc) =>
        timeUtc is { } time ? Math.Max(0, (nowUtc - time).TotalDays) : null;
}
