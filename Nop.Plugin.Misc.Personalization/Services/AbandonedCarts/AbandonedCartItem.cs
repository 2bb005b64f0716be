namespace Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;

/// <summary>
/// One product as an abandoned-cart e-mail shows it: name, page address, picture address (null when none), the unit
/// price already formatted in the customer's currency and the quantity in the cart (0 for a complement).
/// </summary>
public sealed record AbandonedCartItem(int ProductId, string Name, string Url, string PictureUrl, string Price, int Quantity);
