using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Engine.Models;

/// <summary>
/// Everything one store's recommender needs, trained at one instant; immutable, so it can be shared by all requests
/// and replaced atomically when a newer one is loaded.
/// </summary>
public sealed class ModelSnapshot
{
    internal ModelSnapshot(
        int storeId,
        DateTime trainedUtc,
        long eventCount,
        InteractionWeights weights,
        ScoringOptions scoring,
        ItemCatalog catalog,
        NeighbourTable similar,
        NeighbourTable boughtTogether,
        NeighbourTable sequential,
        PopularityModel popularity,
        SeasonalIndex seasonal,
        RepeatStats repeat)
    {
        StoreId = storeId;
        TrainedUtc = trainedUtc;
        EventCount = eventCount;
        Weights = weights;
        Scoring = scoring;
        Catalog = catalog;
        Similar = similar;
        BoughtTogether = boughtTogether;
        Sequential = sequential;
        Popularity = popularity;
        Seasonal = seasonal;
        Repeat = repeat;
    }

    public int StoreId { get; }
    public DateTime TrainedUtc { get; }
    public long EventCount { get; }
    public InteractionWeights Weights { get; }
    public ScoringOptions Scoring { get; }
    public ItemCatalog Catalog { get; }

    /// <summary>Co-interest: products the same customers looked at or bought.</summary>
    public NeighbourTable Similar { get; }

    /// <summary>Products bought in the same order.</summary>
    public NeighbourTable BoughtTogether { get; }

    /// <summary>Products bought within a window after another, with the median lag.</summary>
    public NeighbourTable Sequential { get; }

    public PopularityModel Popularity { get; }
    public SeasonalIndex Seasonal { get; }
    public RepeatStats Repeat { get; }
}
