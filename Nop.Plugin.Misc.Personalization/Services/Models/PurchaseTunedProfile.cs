using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// The settings the evaluation tool's validation chose on real purchase data (UCI Online Retail, training period only;
/// docs/benchmarks.md §2). A shop runs them only when its own recent purchases say they beat the engine's defaults
/// (<see cref="TrainingProfiles"/>).
/// </summary>
public static class PurchaseTunedProfile
{
    public static TrainingOptions Options()
    {
        return new TrainingOptions
        {
            Similar = new NeighbourOptions { Measure = SimilarityMeasure.Jaccard, MinSupport = 3, GroupSizeExponent = 0.25, HalfLifeDays = 15 },
            BoughtTogether = new NeighbourOptions { Measure = SimilarityMeasure.Asymmetric, MinSupport = 3, GroupSizeExponent = 1, SourceExponent = 0.5, TargetExponent = 0.3, HalfLifeDays = 15, MinGroupWeight = 1e-6 },
            Sequential = new NeighbourOptions { Measure = SimilarityMeasure.Cosine, MinSupport = 3 },
            MaxProductsPerCustomer = 100,
            TrendingHalfLifeDays = 7,
            LongTrendingHalfLifeDays = 180,
            SequentialWindowDays = 60,
            Scoring = new ScoringOptions
            {
                HistoryHalfLifeDays = 60,
                AffinityExponent = 0.5,
                SimilarWeight = 0.25,
                BoughtTogetherWeight = 1,
                SequentialWeight = 0,
                PopularityWeight = 0,
                RepeatWeight = 32,
                RepeatHalfLifeDays = 480,
                RepeatOrderHalfLife = 32,
                RepeatRateExponent = 0.5,
                ReplenishableBoost = 0,
                DueBoost = 0,
                ActivityExponent = 0.25,
                ActivityFloor = 0.001,
                MomentumExponent = 0.5,
                MaxSpreadProducts = 256
            }
        };
    }
}
