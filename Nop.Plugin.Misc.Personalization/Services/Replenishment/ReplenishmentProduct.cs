namespace Nop.Plugin.Misc.Personalization.Services.Replenishment;

/// <summary>
/// A product line of a reminder; <see cref="Url"/> is null when the product has no active slug.
/// </summary>
public sealed record ReplenishmentProduct(int ProductId, string Name, string Url);
