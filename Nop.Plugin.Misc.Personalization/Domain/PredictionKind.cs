namespace Nop.Plugin.Misc.Personalization.Domain;

/// <summary>
/// What a stored prediction is about (<see cref="PersonalizationPrediction.Kind"/>).
/// </summary>
public enum PredictionKind : byte
{
    Replenishment = 1,

    Complement = 2
}
