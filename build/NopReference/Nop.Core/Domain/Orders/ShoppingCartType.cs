namespace Nop.Core.Domain.Orders;

public enum ShoppingCartType
{
    ShoppingCart = 1,

    Wishlist = 2
}
