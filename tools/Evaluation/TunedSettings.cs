using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Evaluation;

/// <summary>The engine settings chosen by <c>--validate</c> (see docs/benchmarks.md); nothing here is read from the test period.</summary>
public static class TunedSettings
{
    public static TrainingOptions Options()
    {
        return new TrainingOptions
        {
            MinSupport = 3,
            Scoring = new ScoringOptions
            {
                RepeatWeight = 8,
                RepeatHalfLifeDays = 480,
                PopularityWeight = 0,
                HistoryHalfLifeDays = 15,
                SimilarWeight = 0.5,
                BoughtTogetherWeight = 2,
                SequentialWeight = 0,
                ReplenishableBoost = 2,
                DueBoost = 0.5
            }
        };
    }
}
