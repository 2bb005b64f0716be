using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;

namespace Nop.Plugin.Misc.Personalization.Services.Reporting;

/// <summary>
/// One placement's numbers. <paramref name="Placement"/> is null when events name a placement that no longer exists.
/// </summary>
/// <param name="PlacementKey">The placement as stored in the events (its id as text).</param>
public sealed record PlacementReportRow(string PlacementKey, PersonalizationPlacement Placement, PlacementPerformance Performance);
