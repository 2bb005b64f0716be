namespace Nop.Plugin.Misc.Personalization.Services.Placements;

/// <summary>
/// The storefront page a widget zone belongs to; contextual strategies need the page's own subject (product, cart, category, order).
/// </summary>
public enum PlacementPage
{
    Product,
    Cart,
    Home,
    Category,
    OrderCompleted,
    Search,
    Account
}
