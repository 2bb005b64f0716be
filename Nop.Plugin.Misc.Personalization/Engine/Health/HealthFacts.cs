using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.Health;

/// <summary>What the checklist of one store is judged on, read cheaply by the glue.</summary>
public sealed record HealthFacts
{
    public DateTime NowUtc { get; init; }

    public bool Enabled { get; init; }

    public long EventsLastHour { get; init; }

    public long EventsLast24Hours { get; init; }

    /// <summary>The last day's events by kind of shopper activity, for the owner to read; the rules judge the totals.</summary>
    public IReadOnlyDictionary<InteractionType, long> EventsLast24HoursByKind { get; init; } = new Dictionary<InteractionType, long>();

    public bool BackfillCompleted { get; init; }

    public DateTime? ModelTrainedOnUtc { get; init; }

    public bool ModelLoaded { get; init; }

    public IReadOnlyList<ZoneFacts> Zones { get; init; } = [];

    public int HoldoutPercent { get; init; }

    public bool EmailsEnabled { get; init; }

    public bool EmailTaskEnabled { get; init; }

    public DateTime? EmailTaskLastSuccessUtc { get; init; }

    public bool CartEmailsEnabled { get; init; }

    public bool CartEmailTaskEnabled { get; init; }

    public DateTime? CartEmailTaskLastSuccessUtc { get; init; }
}
