using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Consumers;

/// <summary>
/// Each cart line that becomes an order line is a purchase; the event carries everything, so nothing is read.
/// </summary>
public class OrderConsumer : IConsumer<ShoppingCartItemMovedToOrderItemEvent>
{
    private readonly InteractionCapture _capture;
    private readonly IWorkContext _workContext;

    public OrderConsumer(InteractionCapture capture, IWorkContext workContext)
    {
        _capture = capture;
        _workContext = workContext;
    }

    public async Task HandleEventAsync(ShoppingCartItemMovedToOrderItemEvent eventMessage)
    {
        var cartItem = eventMessage.ShoppingCartItem;
        var orderItem = eventMessage.OrderItem;
        if (cartItem == null || orderItem == null)
            return;

        var customer = await _workContext.GetCurrentCustomerAsync();
        if (customer == null || customer.Id != cartItem.CustomerId)
            return;

        await _capture.CaptureAsync(customer, cartItem.StoreId, InteractionType.Purchase, orderItem.ProductId,
            orderItem.Quantity, orderItem.UnitPriceExclTax, orderItem.OrderId);
    }
}
