namespace Nop.Plugin.Misc.Personalization.Services.BackInStock;

/// <summary>A "back in stock for you" offer as serving holds it.</summary>
public sealed record LiveOffer(int ProductId, double Score, DateTime OfferedOnUtc, DateTime ExpiresOnUtc);
