namespace Nop.Core.Domain.Orders;

public partial class ClearShoppingCartEvent
{
    public ClearShoppingCartEvent(IList<ShoppingCartItem> cart)
    {
        Cart = cart;
    }

    public IList<ShoppingCartItem> Cart { get; }
}
