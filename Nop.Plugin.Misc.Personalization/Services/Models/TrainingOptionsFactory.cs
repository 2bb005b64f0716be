using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// The engine's options for a shop: a profile (<see cref="TrainingProfiles"/>) with the owner's half-life, on one
/// thread so a shop's web server keeps its other core for customers.
/// </summary>
public static class TrainingOptionsFactory
{
    public static TrainingOptions From(PersonalizationSettings settings, string profile = TrainingProfiles.ENGINE_DEFAULTS)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = profile == TrainingProfiles.PURCHASE_TUNED ? PurchaseTunedProfile.Options() : new TrainingOptions();
        var halfLife = Math.Max(1, settings.DecayHalfLifeDays);

        return options with
        {
            Parallelism = 1,
            Scoring = options.Scoring with { HistoryHalfLifeDays = halfLife }
        };
    }
}
