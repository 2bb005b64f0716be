using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Consumers;

/// <summary>
/// Cart and wishlist changes made by the shopper themself; an administrator editing someone's cart is not their behaviour.
/// </summary>
public class ShoppingCartConsumer :
    IConsumer<EntityInsertedEvent<ShoppingCartItem>>,
    IConsumer<EntityUpdatedEvent<ShoppingCartItem>>,
    IConsumer<EntityDeletedEvent<ShoppingCartItem>>,
    IConsumer<ClearShoppingCartEvent>
{
    private readonly InteractionCapture _capture;
    private readonly CartMigrationTracker _cartMigration;
    private readonly IServingCatalog _catalog;
    private readonly ILiveActivity _liveActivity;
    private readonly IWorkContext _workContext;

    public ShoppingCartConsumer(InteractionCapture capture, CartMigrationTracker cartMigration, IServingCatalog catalog, ILiveActivity liveActivity,
        IWorkContext workContext)
    {
        _capture = capture;
        _cartMigration = cartMigration;
        _catalog = catalog;
        _liveActivity = liveActivity;
        _workContext = workContext;
    }

    public Task HandleEventAsync(EntityInsertedEvent<ShoppingCartItem> eventMessage) =>
        CaptureAsync(eventMessage.Entity, eventMessage.Entity.ShoppingCartType == ShoppingCartType.Wishlist ? InteractionType.Wishlist : InteractionType.AddToCart);

    /// <summary>
    /// A quantity change is an add or a removal of the difference; when this node has not seen the line before, the
    /// whole quantity counts as added.
    /// </summary>
    public Task HandleEventAsync(EntityUpdatedEvent<ShoppingCartItem> eventMessage)
    {
        var item = eventMessage.Entity;
        if (item.ShoppingCartType != ShoppingCartType.ShoppingCart)
            return Task.CompletedTask;

        var before = _liveActivity.CartQuantity(item.StoreId, item.CustomerId, item.ProductId);
        if (before == null)
            return CaptureAsync(item, InteractionType.AddToCart);
        if (item.Quantity > before)
            return CaptureAsync(item, InteractionType.AddToCart, item.Quantity - before.Value);
        if (item.Quantity < before)
            return CaptureAsync(item, InteractionType.RemoveFromCart, before.Value - item.Quantity);

        return Task.CompletedTask;
    }

    public Task HandleEventAsync(EntityDeletedEvent<ShoppingCartItem> eventMessage) =>
        eventMessage.Entity.ShoppingCartType == ShoppingCartType.ShoppingCart
            ? CaptureAsync(eventMessage.Entity, InteractionType.RemoveFromCart)
            : Task.CompletedTask;

    /// <summary>
    /// Published after checkout (the lines became an order, captured as purchases), so only the live cart is emptied.
    /// </summary>
    public Task HandleEventAsync(ClearShoppingCartEvent eventMessage)
    {
        foreach (var owner in eventMessage.Cart.Select(item => (item.StoreId, item.CustomerId)).Distinct())
            _liveActivity.ClearCart(owner.StoreId, owner.CustomerId);

        return Task.CompletedTask;
    }

    private async Task CaptureAsync(ShoppingCartItem item, InteractionType type, int? quantity = null)
    {
        var customer = await _workContext.GetCurrentCustomerAsync();
        if (customer == null)
            return;

        if (customer.Id != item.CustomerId)
        {
            if (type != InteractionType.RemoveFromCart)
                _cartMigration.CopiedToAnotherCustomer(item.StoreId, item.ProductId);
            return;
        }

        if (type == InteractionType.RemoveFromCart && _cartMigration.WasCopied(item.StoreId, item.ProductId))
            return;

        //the product's price from the in-memory catalogue: no database read on the request, no customer-specific price
        var unitPrice = _catalog.Find(item.ProductId)?.Price ?? 0m;
        await _capture.CaptureAsync(customer, item.StoreId, type, item.ProductId, quantity ?? item.Quantity, unitPrice);
    }
}
