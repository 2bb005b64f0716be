namespace Nop.Plugin.Misc.Personalization.Services.Capture;

/// <summary>
/// One request's orders whose lines came from a cart. nopCommerce's checkout moves each cart line to the order (one
/// event per line) before it announces the order; an order announced without that, such as the next payment of a
/// recurring order, has its lines read from the order instead, so every order line is a purchase exactly once.
/// </summary>
public sealed class CartOrderTracker
{
    private readonly HashSet<int> _fromCart = [];

    public void LineMovedFromCart(int orderId) => _fromCart.Add(orderId);

    public bool CameFromCart(int orderId) => _fromCart.Contains(orderId);
}
