using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Seo;
using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Services.ProductBoxes;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Consumers;

/// <summary>
/// A change to what one product's box shows (the product itself, its tier prices, pictures, reviews, discounts,
/// translations or URL) makes every reused box of that product stale on this node.
/// </summary>
public class ProductBoxProductConsumer :
    IConsumer<EntityUpdatedEvent<Product>>,
    IConsumer<EntityDeletedEvent<Product>>,
    IConsumer<EntityInsertedEvent<TierPrice>>,
    IConsumer<EntityUpdatedEvent<TierPrice>>,
    IConsumer<EntityDeletedEvent<TierPrice>>,
    IConsumer<EntityInsertedEvent<ProductPicture>>,
    IConsumer<EntityUpdatedEvent<ProductPicture>>,
    IConsumer<EntityDeletedEvent<ProductPicture>>,
    IConsumer<EntityInsertedEvent<ProductReview>>,
    IConsumer<EntityUpdatedEvent<ProductReview>>,
    IConsumer<EntityDeletedEvent<ProductReview>>,
    IConsumer<EntityInsertedEvent<DiscountProductMapping>>,
    IConsumer<EntityDeletedEvent<DiscountProductMapping>>,
    IConsumer<EntityInsertedEvent<LocalizedProperty>>,
    IConsumer<EntityUpdatedEvent<LocalizedProperty>>,
    IConsumer<EntityDeletedEvent<LocalizedProperty>>,
    IConsumer<EntityInsertedEvent<UrlRecord>>,
    IConsumer<EntityUpdatedEvent<UrlRecord>>,
    IConsumer<EntityDeletedEvent<UrlRecord>>
{
    private const string PRODUCT_ENTITY = nameof(Product);

    private readonly ProductBoxCache _cache;

    public ProductBoxProductConsumer(ProductBoxCache cache)
    {
        _cache = cache;
    }

    public Task HandleEventAsync(EntityUpdatedEvent<Product> eventMessage) => Changed(eventMessage.Entity?.Id);

    public Task HandleEventAsync(EntityDeletedEvent<Product> eventMessage) => Changed(eventMessage.Entity?.Id);

    public Task HandleEventAsync(EntityInsertedEvent<TierPrice> eventMessage) => Changed(eventMessage.Entity?.ProductId);

    public Task HandleEventAsync(EntityUpdatedEvent<TierPrice> eventMessage) => Changed(eventMessage.Entity?.ProductId);

    public Task HandleEventAsync(EntityDeletedEvent<TierPrice> eventMessage) => Changed(eventMessage.Entity?.ProductId);

    public Task HandleEventAsync(EntityInsertedEvent<ProductPicture> eventMessage) => Changed(eventMessage.Entity?.ProductId);

    public Task HandleEventAsync(EntityUpdatedEvent<ProductPicture> eventMessage) => Changed(eventMessage.Entity?.ProductId);

    public Task HandleEventAsync(EntityDeletedEvent<ProductPicture> eventMessage) => Changed(eventMessage.Entity?.ProductId);

    public Task HandleEventAsync(EntityInsertedEvent<ProductReview> eventMessage) => Changed(eventMessage.Entity?.ProductId);

    public Task HandleEventAsync(EntityUpdatedEvent<ProductReview> eventMessage) => Changed(eventMessage.Entity?.ProductId);

    public Task HandleEventAsync(EntityDeletedEvent<ProductReview> eventMessage) => Changed(eventMessage.Entity?.ProductId);

    public Task HandleEventAsync(EntityInsertedEvent<DiscountProductMapping> eventMessage) => Changed(eventMessage.Entity?.EntityId);

    public Task HandleEventAsync(EntityDeletedEvent<DiscountProductMapping> eventMessage) => Changed(eventMessage.Entity?.EntityId);

    public Task HandleEventAsync(EntityInsertedEvent<LocalizedProperty> eventMessage) => Translated(eventMessage.Entity);

    public Task HandleEventAsync(EntityUpdatedEvent<LocalizedProperty> eventMessage) => Translated(eventMessage.Entity);

    public Task HandleEventAsync(EntityDeletedEvent<LocalizedProperty> eventMessage) => Translated(eventMessage.Entity);

    public Task HandleEventAsync(EntityInsertedEvent<UrlRecord> eventMessage) => Renamed(eventMessage.Entity);

    public Task HandleEventAsync(EntityUpdatedEvent<UrlRecord> eventMessage) => Renamed(eventMessage.Entity);

    public Task HandleEventAsync(EntityDeletedEvent<UrlRecord> eventMessage) => Renamed(eventMessage.Entity);

    private Task Translated(LocalizedProperty property) =>
        property?.LocaleKeyGroup == PRODUCT_ENTITY ? Changed(property.EntityId) : Task.CompletedTask;

    private Task Renamed(UrlRecord urlRecord) =>
        urlRecord?.EntityName == PRODUCT_ENTITY ? Changed(urlRecord.EntityId) : Task.CompletedTask;

    private Task Changed(int? productId)
    {
        if (productId is > 0)
            _cache.ProductChanged(productId.Value);

        return Task.CompletedTask;
    }
}
