using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Consumers;

/// <summary>
/// A cancelled, fully refunded or voided order was not a purchase the shop wants to learn from: its purchase events are
/// retracted, through the writer's queue so they go after the order's own purchases if those are still waiting there.
/// An order taken back out of "cancelled" counts again. Purchases stored without the customer (no consent) carry no
/// order and stay.
/// </summary>
public class OrderRetractionConsumer : IConsumer<OrderStatusChangedEvent>, IConsumer<OrderRefundedEvent>, IConsumer<OrderVoidedEvent>
{
    private const int CANCELLED = (int)OrderStatus.Cancelled;

    private readonly OrderLineCapture _orderLines;
    private readonly PersonalizationSettings _settings;
    private readonly IEventSink _sink;

    public OrderRetractionConsumer(OrderLineCapture orderLines, PersonalizationSettings settings, IEventSink sink)
    {
        _orderLines = orderLines;
        _settings = settings;
        _sink = sink;
    }

    public async Task HandleEventAsync(OrderStatusChangedEvent eventMessage)
    {
        var order = eventMessage.Order;
        if (order == null)
            return;

        var wasCancelled = (int)eventMessage.PreviousOrderStatus == CANCELLED;
        if (order.OrderStatusId == CANCELLED && !wasCancelled)
            Retract(order);
        else if (wasCancelled && order.OrderStatusId != CANCELLED && _settings.Enabled && !IsPaymentTakenBack(order))
            await _orderLines.CaptureAsync(order);
    }

    public Task HandleEventAsync(OrderRefundedEvent eventMessage)
    {
        //a partial refund leaves the order a purchase
        if (eventMessage.Order is { } order && order.PaymentStatusId == (int)PaymentStatus.Refunded)
            Retract(order);

        return Task.CompletedTask;
    }

    public Task HandleEventAsync(OrderVoidedEvent eventMessage)
    {
        if (eventMessage.Order is { } order)
            Retract(order);

        return Task.CompletedTask;
    }

    private static bool IsPaymentTakenBack(Order order) =>
        order.PaymentStatusId is (int)PaymentStatus.Refunded or (int)PaymentStatus.Voided;

    private void Retract(Order order) => _sink.TryEnqueue(CaptureItem.RetractOrder(order.Id));
}
