using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Evaluation;

/// <summary>
/// Issue #13's one seasonal run on UCI, with every seasonal setting fixed before it was run (docs/benchmarks.md says
/// why): the shipped seasonal weight, a season as long as the test window, and a seasonal index from the 334 days the
/// training period has (weeks it never covered stay neutral) instead of the shop's year.
/// </summary>
public static class SeasonalRun
{
    /// <summary>The shipped default (<see cref="ScoringOptions.SeasonalWeight"/>), not chosen on this data.</summary>
    public const double WEIGHT = 0.5;

    /// <summary>One list serves the whole 39-day test window: six ISO weeks from 2011-11-01 cover it.</summary>
    public const int SEASON_WEEKS = 6;

    /// <summary>The training period spans 334 days (2010-12-01 to 2011-10-31); a shop waits for 364.</summary>
    public const double MIN_HISTORY_DAYS = 300;

    public static TrainingOptions Apply(TrainingOptions options) => options with
    {
        Scoring = options.Scoring with { SeasonalWeight = WEIGHT, SeasonWeeks = SEASON_WEEKS },
        Seasonal = options.Seasonal with { MinHistoryDays = MIN_HISTORY_DAYS }
    };
}
