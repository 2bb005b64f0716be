using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.Profiles;

/// <summary>
/// Knobs of profile building; the defaults suit a shop whose customers order every few weeks.
/// </summary>
public sealed class ProfileOptions
{
    /// <summary>Age in days at which an interaction counts half in affinities.</summary>
    public double AffinityHalfLifeDays { get; init; } = 90;

    /// <summary>How many affinities (all kinds together, strongest first) a profile keeps.</summary>
    public int TopAffinities { get; init; } = 12;

    /// <summary>How many attribute affinities (specification options, tags, attribute values) a profile keeps besides.</summary>
    public int TopAttributeAffinities { get; init; } = 8;

    /// <summary>Affinities below this score are dropped.</summary>
    public double MinAffinityScore { get; init; } = 0.05;

    /// <summary>Number of store-relative price bands computed from the catalog prices.</summary>
    public int PriceBandCount { get; init; } = 5;

    /// <summary>Weight of each interaction type in affinities; types not listed count 0.</summary>
    public IReadOnlyDictionary<InteractionType, double> InteractionWeights { get; init; } = new Dictionary<InteractionType, double>
    {
        [InteractionType.View] = 1,
        [InteractionType.RecommendationClick] = 1,
        [InteractionType.EmailClick] = 1,
        [InteractionType.Wishlist] = 2,
        [InteractionType.AddToCart] = 3,
        [InteractionType.Purchase] = 5
    };

    /// <summary>A one-order customer stays New for this many days after the order.</summary>
    public double NewWithinDays { get; init; } = 60;

    /// <summary>AtRisk once the time since the last order exceeds this multiple of the customer's usual gap.</summary>
    public double AtRiskGapMultiple { get; init; } = 2;

    /// <summary>Lapsed once the time since the last order exceeds this multiple of the customer's usual gap.</summary>
    public double LapsedGapMultiple { get; init; } = 4;

    /// <summary>Floor on the usual gap, so a customer who ordered twice in a week is not "at risk" a fortnight later.</summary>
    public double MinGapDays { get; init; } = 14;

    /// <summary>
    /// Usual gap for customers with a single order, used when the store has no repeat customer to learn it from
    /// (otherwise the store's median of its customers' own median gaps is used).
    /// </summary>
    public double DefaultGapDays { get; init; } = 30;
}
