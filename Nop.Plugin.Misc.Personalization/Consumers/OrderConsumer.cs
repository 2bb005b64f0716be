using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Consumers;

/// <summary>
/// Order lines are purchases. At checkout each cart line that becomes an order line carries everything, so nothing is
/// read; an order placed without a cart (the next payment of a recurring order, processed by an administrator or a
/// payment provider's callback) is read once and captured for its own customer.
/// </summary>
public class OrderConsumer : IConsumer<ShoppingCartItemMovedToOrderItemEvent>, IConsumer<OrderPlacedEvent>
{
    private readonly InteractionCapture _capture;
    private readonly CartOrderTracker _cartOrders;
    private readonly OrderLineCapture _orderLines;
    private readonly PersonalizationSettings _settings;
    private readonly IWorkContext _workContext;

    public OrderConsumer(InteractionCapture capture,
        CartOrderTracker cartOrders,
        OrderLineCapture orderLines,
        PersonalizationSettings settings,
        IWorkContext workContext)
    {
        _capture = capture;
        _cartOrders = cartOrders;
        _orderLines = orderLines;
        _settings = settings;
        _workContext = workContext;
    }

    public async Task HandleEventAsync(ShoppingCartItemMovedToOrderItemEvent eventMessage)
    {
        var cartItem = eventMessage.ShoppingCartItem;
        var orderItem = eventMessage.OrderItem;
        if (cartItem == null || orderItem == null)
            return;

        //whatever is captured here, the order's lines must not be read again when the order is announced
        _cartOrders.LineMovedFromCart(orderItem.OrderId);

        var customer = await _workContext.GetCurrentCustomerAsync();
        if (customer == null || customer.Id != cartItem.CustomerId)
            return;

        await _capture.CaptureAsync(customer, cartItem.StoreId, InteractionType.Purchase, orderItem.ProductId,
            orderItem.Quantity, orderItem.UnitPriceExclTax, orderItem.OrderId);
    }

    public async Task HandleEventAsync(OrderPlacedEvent eventMessage)
    {
        var order = eventMessage.Order;
        if (!_settings.Enabled || order == null || _cartOrders.CameFromCart(order.Id))
            return;

        //the current customer is whoever triggered the payment; the purchase is the order's customer's
        await _orderLines.CaptureAsync(order);
    }
}
