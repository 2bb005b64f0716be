using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Evaluation;

/// <summary>The engine settings chosen by <c>--validate</c> (see docs/benchmarks.md); nothing here is read from the test period.</summary>
public static class TunedSettings
{
    public static TrainingOptions Options()
    {
        return new TrainingOptions();
    }
}
