using Nop.Core.Domain.Catalog;
using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Services.BackInStock;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Consumers;

/// <summary>
/// An edited, unpublished or deleted product is patched into the in-memory catalog at once, from the entity the event
/// carries; its categories and manufacturer are kept until the next full catalog load. A product that was not for sale
/// is handed to the back-in-stock check.
/// </summary>
public class ProductChangeConsumer : IConsumer<EntityUpdatedEvent<Product>>, IConsumer<EntityDeletedEvent<Product>>
{
    private readonly BackInStockWatch _backInStockWatch;
    private readonly IServingCatalog _servingCatalog;
    private readonly TimeProvider _timeProvider;

    public ProductChangeConsumer(BackInStockWatch backInStockWatch, IServingCatalog servingCatalog, TimeProvider timeProvider)
    {
        _backInStockWatch = backInStockWatch;
        _servingCatalog = servingCatalog;
        _timeProvider = timeProvider;
    }

    public Task HandleEventAsync(EntityUpdatedEvent<Product> eventMessage)
    {
        var known = Patch(eventMessage.Entity);
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        //whether it is back is decided off the request, from the database: stock in warehouses or combinations is not on the product
        if (known != null && !known.IsSellable(now))
            _backInStockWatch.Check(known.Id, now);

        return Task.CompletedTask;
    }

    public Task HandleEventAsync(EntityDeletedEvent<Product> eventMessage)
    {
        Patch(eventMessage.Entity);
        return Task.CompletedTask;
    }

    /// <returns>The product as the catalog knew it before (null when unknown or not loaded).</returns>
    private ServableProduct Patch(Product product)
    {
        if (product == null || !_servingCatalog.IsLoaded)
            return null;

        var known = _servingCatalog.Find(product.Id);
        //warehouse and attribute-combination stock is not on the product: such a product keeps what the last catalog load read
        _servingCatalog.Upsert(ProductFactsReader.ToServable(product, known?.CategoryIds ?? [], known?.ManufacturerId ?? 0, known?.StockCanSell == true,
            known?.StockLeft) with { Attributes = known?.Attributes ?? ProductAttributes.Empty });

        return known;
    }
}
