using Nop.Plugin.Misc.Personalization.Engine.Measurement;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Services.Reporting;

/// <summary>
/// How the placements of a store scope did over a period, the holdout lift when there is a holdout group, and the
/// impressions and clicks per placement and day for the charts.
/// </summary>
public sealed record PlacementReport(DateTime FromUtc, DateTime ToUtc, IReadOnlyList<PlacementReportRow> Rows, HoldoutLift Lift, DailySeries Daily)
{
    /// <summary>One row per e-mail kind with any send, open or click in the period.</summary>
    public IReadOnlyList<EmailKindPerformance> Emails { get; init; } = [];
}
