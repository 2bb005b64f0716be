using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Evaluation;

/// <summary>
/// The engine settings chosen by <c>--validate</c> (coordinate descent on the last four weeks of the training period; see
/// docs/benchmarks.md). Nothing here was chosen by looking at the test period.
/// </summary>
public static class TunedSettings
{
    public static TrainingOptions Options()
    {
        return new TrainingOptions
        {
            Similar = new NeighbourOptions { Measure = SimilarityMeasure.Jaccard, MinSupport = 3, GroupSizeExponent = 0.5 },
            BoughtTogether = new NeighbourOptions { Measure = SimilarityMeasure.Asymmetric, MinSupport = 2, GroupSizeExponent = 1, SourceExponent = 0.5, TargetExponent = 0.7 },
            Sequential = new NeighbourOptions { Measure = SimilarityMeasure.Cosine, MinSupport = 3 },
            MaxProductsPerCustomer = 100,
            TrendingHalfLifeDays = 7,
            SequentialWindowDays = 60,
            Scoring = new ScoringOptions
            {
                HistoryHalfLifeDays = 30,
                SimilarWeight = 0.25,
                BoughtTogetherWeight = 2,
                SequentialWeight = 0,
                PopularityWeight = 0,
                RepeatWeight = 16,
                RepeatHalfLifeDays = 480,
                ReplenishableBoost = 2,
                DueBoost = 0.5,
                ActivityExponent = 0.25,
                ActivityFloor = 0.001
            }
        };
    }
}
