namespace Nop.Plugin.Misc.Personalization.Domain;

/// <summary>
/// What a <see cref="PersonalizationPrediction"/> expects. Stored as an int, so values never change meaning.
/// </summary>
public enum PredictionKind
{
    /// <summary>A product the customer buys again and is due to need.</summary>
    Replenishment = 1,

    /// <summary>A product that usually follows what the customer bought.</summary>
    Complement = 2
}
