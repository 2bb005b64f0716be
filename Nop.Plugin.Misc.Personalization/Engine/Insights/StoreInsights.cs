using Nop.Plugin.Misc.Personalization.Engine.Complements;
using Nop.Plugin.Misc.Personalization.Engine.Lifetime;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Engine.Replenishment;
using Nop.Plugin.Misc.Personalization.Engine.Segments;

namespace Nop.Plugin.Misc.Personalization.Engine.Insights;

/// <summary>
/// What one store's run learned about its customers: profiles with their segments, segment sizes, and the
/// replenishment predictions due soon.
/// </summary>
/// <param name="Profiles">Ordered by customer.</param>
/// <param name="SegmentSizes">In the order the segments were given.</param>
/// <param name="Predictions">Ordered by customer, then product.</param>
/// <param name="Complements">Timed complements whose window is still open, ordered by customer then rank; empty
/// without the store's model.</param>
public sealed record StoreInsights(
    int StoreId,
    IReadOnlyList<SegmentedProfile> Profiles,
    IReadOnlyList<SegmentSize> SegmentSizes,
    IReadOnlyList<ReplenishmentPrediction> Predictions,
    IReadOnlyList<ComplementPrediction> Complements)
{
    /// <summary>The store's buyers and repeat buyers, and whether the predicted lifetime could be fitted on them.</summary>
    public LifetimeSupport Lifetime { get; init; } = LifetimeSupport.None;
}

/// <param name="SegmentIds">Ascending.</param>
public sealed record SegmentedProfile(CustomerProfile Profile, int[] SegmentIds);
