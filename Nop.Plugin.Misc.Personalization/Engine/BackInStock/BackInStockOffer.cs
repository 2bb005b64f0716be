namespace Nop.Plugin.Misc.Personalization.Engine.BackInStock;

/// <summary>
/// A product back in stock offered to one customer.
/// </summary>
/// <param name="Score">1 for a customer who asked to be told (subscribed); below 1 for a predicted one, highest first.</param>
/// <param name="Subscribed">Whether the customer asked the shop to be told when the product is back.</param>
public sealed record BackInStockOffer(int CustomerId, double Score, bool Subscribed);
