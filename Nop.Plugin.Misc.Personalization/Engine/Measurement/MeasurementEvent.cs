using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.Measurement;

/// <summary>
/// The slice of a stored event that measurement needs: impressions and clicks carry a placement, purchases an order.
/// </summary>
/// <param name="ProductId">The product clicked or bought; 0 for an impression.</param>
/// <param name="Quantity">Products shown (impression) or units bought (purchase).</param>
/// <param name="Value">Unit price of a purchase.</param>
public readonly record struct MeasurementEvent(
    int CustomerId,
    InteractionType Type,
    int ProductId,
    string Placement,
    int OrderId,
    int Quantity,
    decimal Value,
    DateTime TimeUtc);
