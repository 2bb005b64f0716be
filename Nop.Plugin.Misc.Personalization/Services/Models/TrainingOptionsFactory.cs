using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// The engine's options for a shop: engine defaults with the owner's half-life, on one thread so a shop's
/// web server keeps its other core for customers.
/// </summary>
public static class TrainingOptionsFactory
{
    public static TrainingOptions From(PersonalizationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var defaults = new TrainingOptions();
        var halfLife = Math.Max(1, settings.DecayHalfLifeDays);

        return defaults with
        {
            Parallelism = 1,
            Scoring = defaults.Scoring with { HistoryHalfLifeDays = halfLife }
        };
    }
}
