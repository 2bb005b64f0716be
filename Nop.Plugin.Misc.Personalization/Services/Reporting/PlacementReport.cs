namespace Nop.Plugin.Misc.Personalization.Services.Reporting;

/// <summary>
/// How the placements of a store scope did over a period, and the holdout lift when there is a holdout group.
/// </summary>
public sealed record PlacementReport(DateTime FromUtc, DateTime ToUtc, IReadOnlyList<PlacementReportRow> Rows, HoldoutLift Lift);
