using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Services.ProductBoxes;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Consumers;

/// <summary>
/// A change to what decides one customer's prices and wish-list buttons (their cart and wish lists, which discounts
/// may depend on; their roles; their account, e.g. tax exemption; an order they placed) makes that customer's reused
/// boxes stale on this node.
/// </summary>
public class ProductBoxCustomerConsumer :
    IConsumer<EntityInsertedEvent<ShoppingCartItem>>,
    IConsumer<EntityUpdatedEvent<ShoppingCartItem>>,
    IConsumer<EntityDeletedEvent<ShoppingCartItem>>,
    IConsumer<ClearShoppingCartEvent>,
    IConsumer<EntityInsertedEvent<CustomerCustomerRoleMapping>>,
    IConsumer<EntityDeletedEvent<CustomerCustomerRoleMapping>>,
    IConsumer<EntityUpdatedEvent<Customer>>,
    IConsumer<OrderPlacedEvent>
{
    private readonly ProductBoxCache _cache;

    public ProductBoxCustomerConsumer(ProductBoxCache cache)
    {
        _cache = cache;
    }

    public Task HandleEventAsync(EntityInsertedEvent<ShoppingCartItem> eventMessage) => Changed(eventMessage.Entity?.CustomerId);

    public Task HandleEventAsync(EntityUpdatedEvent<ShoppingCartItem> eventMessage) => Changed(eventMessage.Entity?.CustomerId);

    public Task HandleEventAsync(EntityDeletedEvent<ShoppingCartItem> eventMessage) => Changed(eventMessage.Entity?.CustomerId);

    public Task HandleEventAsync(ClearShoppingCartEvent eventMessage)
    {
        foreach (var customerId in eventMessage.Cart?.Select(item => item.CustomerId).Distinct() ?? [])
            _cache.CustomerChanged(customerId);

        return Task.CompletedTask;
    }

    public Task HandleEventAsync(EntityInsertedEvent<CustomerCustomerRoleMapping> eventMessage) => Changed(eventMessage.Entity?.CustomerId);

    public Task HandleEventAsync(EntityDeletedEvent<CustomerCustomerRoleMapping> eventMessage) => Changed(eventMessage.Entity?.CustomerId);

    public Task HandleEventAsync(EntityUpdatedEvent<Customer> eventMessage) => Changed(eventMessage.Entity?.Id);

    public Task HandleEventAsync(OrderPlacedEvent eventMessage) => Changed(eventMessage.Order?.CustomerId);

    private Task Changed(int? customerId)
    {
        if (customerId is > 0)
            _cache.CustomerChanged(customerId.Value);

        return Task.CompletedTask;
    }
}
