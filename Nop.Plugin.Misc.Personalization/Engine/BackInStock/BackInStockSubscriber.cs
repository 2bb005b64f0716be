namespace Nop.Plugin.Misc.Personalization.Engine.BackInStock;

/// <summary>A customer who asked the shop to tell them when a product is back ("notify me when available").</summary>
public readonly record struct BackInStockSubscriber(int CustomerId, DateTime SubscribedOnUtc);
