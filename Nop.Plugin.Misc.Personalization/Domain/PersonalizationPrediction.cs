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

    public DateTime DueOnUtc { get; set; }

    public decimal Score { get; set; }

    public DateTime? EmailedOnUtc { get; set; }
}
