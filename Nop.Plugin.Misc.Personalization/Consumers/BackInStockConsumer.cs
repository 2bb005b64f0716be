using Nop.Core.Domain.Catalog;
using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Services.BackInStock;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Consumers;

/// <summary>
/// Stock added to a product that was not for sale (nopCommerce records every stock change, of the product, a warehouse or
/// an attribute combination, in its stock quantity history) is handed to the back-in-stock check; "notify me"
/// subscriptions nopCommerce ends while telling their customers are kept for it.
/// </summary>
public class BackInStockConsumer : IConsumer<EntityInsertedEvent<StockQuantityHistory>>, IConsumer<EntityDeletedEvent<BackInStockSubscription>>
{
    private readonly BackInStockWatch _backInStockWatch;
    private readonly IServingCatalog _servingCatalog;
    private readonly TimeProvider _timeProvider;

    public BackInStockConsumer(BackInStockWatch backInStockWatch, IServingCatalog servingCatalog, TimeProvider timeProvider)
    {
        _backInStockWatch = backInStockWatch;
        _servingCatalog = servingCatalog;
        _timeProvider = timeProvider;
    }

    public Task HandleEventAsync(EntityInsertedEvent<StockQuantityHistory> eventMessage)
    {
        var entry = eventMessage.Entity;
        if (entry == null || entry.QuantityAdjustment <= 0 || !_servingCatalog.IsLoaded)
            return Task.CompletedTask;

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (_servingCatalog.Find(entry.ProductId) is { } known && !known.IsSellable(now))
            _backInStockWatch.Check(entry.ProductId, now);

        return Task.CompletedTask;
    }

    public Task HandleEventAsync(EntityDeletedEvent<BackInStockSubscription> eventMessage)
    {
        var subscription = eventMessage.Entity;
        if (subscription != null)
            _backInStockWatch.SubscriptionEnded(subscription.StoreId, subscription.ProductId, subscription.CustomerId, subscription.CreatedOnUtc,
                _timeProvider.GetUtcNow().UtcDateTime);

        return Task.CompletedTask;
    }
}
