using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Services.Customers;

namespace Nop.Plugin.Misc.Personalization.Services.Capture;

/// <summary>
/// Reads an order's lines once and captures them as purchases of the order's own customer (not of whoever triggered
/// the request: an administrator, a payment provider's callback).
/// </summary>
public class OrderLineCapture
{
    private readonly InteractionCapture _capture;
    private readonly ICustomerService _customerService;
    private readonly IRepository<OrderItem> _orderItemRepository;

    public OrderLineCapture(InteractionCapture capture, ICustomerService customerService, IRepository<OrderItem> orderItemRepository)
    {
        _capture = capture;
        _customerService = customerService;
        _orderItemRepository = orderItemRepository;
    }

    public async Task CaptureAsync(Order order)
    {
        var customer = await _customerService.GetCustomerByIdAsync(order.CustomerId);
        if (customer == null || !await _capture.IsCapturingAsync(customer, order.StoreId))
            return;

        var lines = await _orderItemRepository.GetAllAsync(query => query
            .Where(item => item.OrderId == order.Id)
            .OrderBy(item => item.Id));
        foreach (var line in lines)
        {
            await _capture.CaptureAsync(customer, order.StoreId, InteractionType.Purchase, line.ProductId,
                line.Quantity, line.UnitPriceExclTax, order.Id);
        }
    }
}
