namespace Nop.Plugin.Misc.Personalization.Engine.Health;

/// <summary>What the checklist of one store is judged on, read cheaply by the glue.</summary>
public sealed record HealthFacts
{
    public DateTime NowUtc { get; init; }

    public bool Enabled { get; init; }

    public long EventsLastHour { get; init; }

    public long EventsLast24Hours { get; init; }

    public bool BackfillCompleted { get; init; }

    public DateTime? ModelTrainedOnUtc { get; init; }

    public bool ModelLoaded { get; init; }

    public IReadOnlyList<ZoneFacts> Zones { get; init; } = [];

    public int HoldoutPercent { get; init; }

    public bool EmailsEnabled { get; init; }

    public bool EmailTaskEnabled { get; init; }

    public DateTime? EmailTaskLastSuccessUtc { get; init; }
}
