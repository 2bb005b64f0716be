namespace Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;

/// <summary>
/// One line of a shopping cart as the e-mail sees it: the product, its chosen attributes (nopCommerce's attribute XML,
/// empty when none) and the quantity.
/// </summary>
public readonly record struct CartLine(int ProductId, string Attributes, int Quantity);
