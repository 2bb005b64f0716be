namespace Nop.Plugin.Misc.Personalization.Domain;

/// <summary>
/// What a <see cref="PersonalizationPrediction"/> expects. Stored as an int, so values never change meaning.
/// </summary>
public enum PredictionKind
{
    /// <summary>A product the customer buys again and is due to need.</summary>
    Replenishment = 1,

    /// <summary>A product that usually follows what the customer bought.</summary>
    Complement = 2,

    /// <summary>
    /// A product back in stock offered to a customer likely to want it: DueOnUtc is when the offer ends, AnchorOnUtc when
    /// it was made, Score 1 for a customer who asked to be told.
    /// </summary>
    BackInStock = 3
}
