using Nop.Web.Models.Catalog;
using Nop.Web.Models.Checkout;
using Nop.Web.Models.ShoppingCart;

namespace Nop.Plugin.Misc.Personalization.Services.Recommendations;

/// <summary>
/// What the page around a placement is about: its product, category or completed order (0 when none), and the cart
/// when the page shows it (null elsewhere: the live cart seen on this node stands in).
/// </summary>
public sealed record PlacementContext(int ProductId, int CategoryId, int OrderId, IReadOnlyCollection<int> CartProductIds)
{
    /// <summary>
    /// The context from the model nopCommerce passes to the widget zone.
    /// </summary>
    public static PlacementContext From(object additionalData) => new(
        additionalData is ProductDetailsModel product ? product.Id : 0,
        additionalData is CategoryModel category ? category.Id : 0,
        additionalData is CheckoutCompletedModel completed ? completed.OrderId : 0,
        additionalData is ShoppingCartModel { Items: not null } cart ? cart.Items.Select(item => item.ProductId).Distinct().ToList() : null);
}
