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
public sealed record StoreInsights(
    int StoreId,
    IReadOnlyList<SegmentedProfile> Profiles,
    IReadOnlyList<SegmentSize> SegmentSizes,
    IReadOnlyList<ReplenishmentPrediction> Predictions);

/// <param name="SegmentIds">Ascending.</param>
public sealed record SegmentedProfile(CustomerProfile Profile, int[] SegmentIds);
