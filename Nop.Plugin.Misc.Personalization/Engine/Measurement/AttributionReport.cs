namespace Nop.Plugin.Misc.Personalization.Engine.Measurement;

/// <param name="Placements">One row per placement that was rendered or clicked, ordered by placement.</param>
public sealed record AttributionReport(IReadOnlyList<PlacementPerformance> Placements, LiftGroup Treated, LiftGroup HeldOut);
