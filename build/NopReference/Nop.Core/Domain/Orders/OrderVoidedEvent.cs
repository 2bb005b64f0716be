namespace Nop.Core.Domain.Orders;

public partial class OrderVoidedEvent
{
    public OrderVoidedEvent(Order order)
    {
        Order = order;
    }

    public Order Order { get; }
}
