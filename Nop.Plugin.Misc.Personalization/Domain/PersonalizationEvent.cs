using Nop.Core;

namespace Nop.Plugin.Misc.Personalization.Domain;

/// <summary>
/// One captured shopper interaction; the system of record the engine trains from.
/// </summary>
public class PersonalizationEvent : BaseEntity
{
    public int StoreId { get; set; }

    public int CustomerId { get; set; }

    /// <summary>
    /// Engine.Interactions.InteractionType stored as its number (int: nopCommerce maps no byte property).
    /// </summary>
    public int EventType { get; set; }

    public int ProductId { get; set; }

    public int Quantity { get; set; }

    /// <summary>
    /// Unit price (purchases, carts) in the primary store currency.
    /// </summary>
    public decimal Value { get; set; }

    public int OrderId { get; set; }

    /// <summary>
    /// The placement that produced an impression or click; null otherwise.
    /// </summary>
    public string Placement { get; set; }

    /// <summary>
    /// The search term of a search event (truncated); null otherwise.
    /// </summary>
    public string Query { get; set; }

    public DateTime CreatedOnUtc { get; set; }
}
