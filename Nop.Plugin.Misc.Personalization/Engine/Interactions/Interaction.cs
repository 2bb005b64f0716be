namespace Nop.Plugin.Misc.Personalization.Engine.Interactions;

/// <summary>
/// One thing one customer did with one product in one store; the engine's only behavioural input.
/// </summary>
/// <param name="ProductId">0 for events without a product (a search).</param>
/// <param name="Price">Unit price at the time of the event, in the store's primary currency.</param>
/// <param name="OrderId">The order of a purchase; 0 otherwise.</param>
public readonly record struct Interaction(
    int StoreId,
    int CustomerId,
    int ProductId,
    InteractionType Type,
    DateTime TimeUtc,
    int Quantity = 1,
    decimal Price = 0m,
    int OrderId = 0);
