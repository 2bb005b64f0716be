using Nop.Core.Domain.Configuration;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Discounts;
using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Services.ProductBoxes;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Consumers;

/// <summary>
/// A change that may alter any box (a setting such as tax display or catalog options, a currency rate, a discount or
/// what a category or manufacturer discount applies to) makes every reused box stale on this node. These changes come
/// from the admin, rarely, so starting over costs little.
/// </summary>
public class ProductBoxShopConsumer :
    IConsumer<EntityInsertedEvent<Setting>>,
    IConsumer<EntityUpdatedEvent<Setting>>,
    IConsumer<EntityDeletedEvent<Setting>>,
    IConsumer<EntityInsertedEvent<Currency>>,
    IConsumer<EntityUpdatedEvent<Currency>>,
    IConsumer<EntityDeletedEvent<Currency>>,
    IConsumer<EntityInsertedEvent<Discount>>,
    IConsumer<EntityUpdatedEvent<Discount>>,
    IConsumer<EntityDeletedEvent<Discount>>,
    IConsumer<EntityInsertedEvent<DiscountCategoryMapping>>,
    IConsumer<EntityDeletedEvent<DiscountCategoryMapping>>,
    IConsumer<EntityInsertedEvent<DiscountManufacturerMapping>>,
    IConsumer<EntityDeletedEvent<DiscountManufacturerMapping>>
{
    private readonly ProductBoxCache _cache;

    public ProductBoxShopConsumer(ProductBoxCache cache)
    {
        _cache = cache;
    }

    public Task HandleEventAsync(EntityInsertedEvent<Setting> eventMessage) => Changed();

    public Task HandleEventAsync(EntityUpdatedEvent<Setting> eventMessage) => Changed();

    public Task HandleEventAsync(EntityDeletedEvent<Setting> eventMessage) => Changed();

    public Task HandleEventAsync(EntityInsertedEvent<Currency> eventMessage) => Changed();

    public Task HandleEventAsync(EntityUpdatedEvent<Currency> eventMessage) => Changed();

    public Task HandleEventAsync(EntityDeletedEvent<Currency> eventMessage) => Changed();

    public Task HandleEventAsync(EntityInsertedEvent<Discount> eventMessage) => Changed();

    public Task HandleEventAsync(EntityUpdatedEvent<Discount> eventMessage) => Changed();

    public Task HandleEventAsync(EntityDeletedEvent<Discount> eventMessage) => Changed();

    public Task HandleEventAsync(EntityInsertedEvent<DiscountCategoryMapping> eventMessage) => Changed();

    public Task HandleEventAsync(EntityDeletedEvent<DiscountCategoryMapping> eventMessage) => Changed();

    public Task HandleEventAsync(EntityInsertedEvent<DiscountManufacturerMapping> eventMessage) => Changed();

    public Task HandleEventAsync(EntityDeletedEvent<DiscountManufacturerMapping> eventMessage) => Changed();

    private Task Changed()
    {
        _cache.ShopChanged();
        return Task.CompletedTask;
    }
}
