using Nop.Core.Domain.Catalog;
using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Consumers;

/// <summary>
/// An edited, unpublished or deleted product is patched into the in-memory catalog at once, from the entity the event
/// carries; its categories and manufacturer are kept until the next full catalog load.
/// </summary>
public class ProductChangeConsumer : IConsumer<EntityUpdatedEvent<Product>>, IConsumer<EntityDeletedEvent<Product>>
{
    private readonly IServingCatalog _servingCatalog;

    public ProductChangeConsumer(IServingCatalog servingCatalog)
    {
        _servingCatalog = servingCatalog;
    }

    public Task HandleEventAsync(EntityUpdatedEvent<Product> eventMessage) => PatchAsync(eventMessage.Entity);

    public Task HandleEventAsync(EntityDeletedEvent<Product> eventMessage) => PatchAsync(eventMessage.Entity);

    private Task PatchAsync(Product product)
    {
        if (product == null || !_servingCatalog.IsLoaded)
            return Task.CompletedTask;

        var known = _servingCatalog.Find(product.Id);
        //warehouse and attribute-combination stock is not on the product: such a product keeps what the last catalog load read
        _servingCatalog.Upsert(ProductFactsReader.ToServable(product, known?.CategoryIds ?? [], known?.ManufacturerId ?? 0, known?.StockCanSell == true,
            known?.StockLeft) with { Attributes = known?.Attributes ?? ProductAttributes.Empty });

        return Task.CompletedTask;
    }
}
