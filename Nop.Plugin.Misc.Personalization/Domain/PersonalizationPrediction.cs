using Nop.Core;

namespace Nop.Plugin.Misc.Personalization.Domain;

/// <summary>
/// A product the engine expects a customer to need on a date (replenishment) or to add next (complement).
/// </summary>
public class PersonalizationPrediction : BaseEntity
{
    public int CustomerId { get; set; }

    public int StoreId { get; set; }

    public int ProductId { get; set; }

    /// <summary>
    /// PredictionKind stored as its number (int: nopCommerce maps no byte property).
    /// </summary>
    public int Kind { get; set; }

    /// <summary>
    /// Replenishment: the predicted re-order date. Complement: the end of the window the complement is expected in.
    /// </summary>
    public DateTime DueOnUtc { get; set; }

    public decimal Score { get; set; }

    public DateTime? EmailedOnUtc { get; set; }

    /// <summary>Complement: the customer's purchase it usually follows (0 for replenishment).</summary>
    public int AnchorProductId { get; set; }

    /// <summary>Complement: when the customer last bought the anchor, the window's start (null for replenishment).</summary>
    public DateTime? AnchorOnUtc { get; set; }
}
