using Nop.Plugin.Misc.Personalization.Engine.Training;
using Nop.Plugin.Misc.Personalization.Engine.Tuning;

namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// The training profiles a shop's own data chooses between (<see cref="ProfileSelector"/>): the engine's defaults,
/// the fallback, and the profile validated on real purchase data.
/// </summary>
public static class TrainingProfiles
{
    public const string ENGINE_DEFAULTS = "engine-defaults";
    public const string PURCHASE_TUNED = "purchase-tuned";

    public static IReadOnlyList<TrainingProfile> Candidates(PersonalizationSettings settings) =>
    [
        new(ENGINE_DEFAULTS, TrainingOptionsFactory.From(settings, ENGINE_DEFAULTS)),
        new(PURCHASE_TUNED, TrainingOptionsFactory.From(settings, PURCHASE_TUNED))
    ];
}
