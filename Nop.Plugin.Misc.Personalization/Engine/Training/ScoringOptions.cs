namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>How "for you" blends its signals; stored in the snapshot.</summary>
public sealed record ScoringOptions
{
    /// <summary>Half-life of a customer's history (affinity to what they looked at or bought).</summary>
    public double HistoryHalfLifeDays { get; init; } = 60;

    /// <summary>Events at most this old count as the current session and get <see cref="SessionBoost"/>.</summary>
    public double SessionMinutes { get; init; } = 30;

    public double SessionBoost { get; init; } = 3;

    public double SimilarWeight { get; init; } = 1;

    public double BoughtTogetherWeight { get; init; } = 1;

    public double SequentialWeight { get; init; } = 0.5;

    /// <summary>Weight of the trending prior (trending / store maximum).</summary>
    public double PopularityWeight { get; init; } = 0.05;

    /// <summary>Weight of repeat-purchase propensity for products the customer already bought.</summary>
    public double RepeatWeight { get; init; } = 1;

    /// <summary>Half-life applied to past purchases of a product in the repeat signal.</summary>
    public double RepeatHalfLifeDays { get; init; } = 90;

    /// <summary>Extra repeat weight for products the model considers replenishable.</summary>
    public double ReplenishableBoost { get; init; } = 0.5;

    /// <summary>Extra repeat weight when the product's usual reorder interval has elapsed ("due").</summary>
    public double DueBoost { get; init; } = 0;

    /// <summary>
    /// Every candidate's score is multiplied by (floor + trending / max trending)^exponent, so products nobody buys any
    /// more (often discontinued) sink; 0 turns it off.
    /// </summary>
    public double ActivityExponent { get; init; }

    public double ActivityFloor { get; init; } = 0.01;

    /// <summary>Exponent on each history product's affinity before it spreads to neighbours (1 = linear).</summary>
    public double AffinityExponent { get; init; } = 1;
}
