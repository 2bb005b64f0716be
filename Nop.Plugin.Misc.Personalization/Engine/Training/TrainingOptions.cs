namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// Settings of a training run. All are generic: the glue passes shop settings, the evaluation tool passes what validation
/// chose. Scoring settings travel inside the snapshot so serving uses what training was tuned with.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>0 trains on every store's events (installation-wide); otherwise the store whose snapshot is built.</summary>
    public int StoreId { get; init; }

    public InteractionWeights Weights { get; init; } = InteractionWeights.Default;

    /// <summary>Neighbours kept per product and model (K); memory grows with products x K.</summary>
    public int NeighbourCount { get; init; } = 50;

    /// <summary>Co-interest: products the same customers looked at or bought.</summary>
    public NeighbourOptions Similar { get; init; } = new();

    /// <summary>Products in the same order.</summary>
    public NeighbourOptions BoughtTogether { get; init; } = new();

    /// <summary>Products bought after another within <see cref="SequentialWindowDays"/>.</summary>
    public NeighbourOptions Sequential { get; init; } = new();

    /// <summary>Co-interest ("similar") uses only each customer's most recent distinct products, bounding the work.</summary>
    public int MaxProductsPerCustomer { get; init; } = 300;

    /// <summary>Co-interest uses only products within this many days of each customer's latest event; 0 = no limit.</summary>
    public double CustomerWindowDays { get; init; }

    /// <summary>Sequential complements: B counts when bought within this many days after A.</summary>
    public double SequentialWindowDays { get; init; } = 60;

    /// <summary>Half-life of trending popularity.</summary>
    public double TrendingHalfLifeDays { get; init; } = 14;

    /// <summary>Half-life of the long-term popularity that momentum compares trending with.</summary>
    public double LongTrendingHalfLifeDays { get; init; } = 90;

    /// <summary>Products kept per category (and for the whole store) in the trending lists.</summary>
    public int TrendingListSize { get; init; } = 200;

    /// <summary>Repeat buyers a product needs before it counts as replenishable.</summary>
    public int MinRepeatBuyers { get; init; } = 3;

    /// <summary>Share of its buyers who bought it again on another day for a product to count as replenishable.</summary>
    public double MinRepeatRate { get; init; } = 0.1;

    /// <summary>A store's own statistics get weight n / (n + this) against the installation-wide ones.</summary>
    public double ShrinkageStrength { get; init; } = 20;

    /// <summary>Worker threads for the neighbour models; results do not depend on it.</summary>
    public int Parallelism { get; init; } = 1;

    public ScoringOptions Scoring { get; init; } = new();

    /// <summary>How the week-of-year index is learned.</summary>
    public SeasonalOptions Seasonal { get; init; } = new();
}
