using Nop.Core.Domain.Catalog;
using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Services.Search;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Consumers;

/// <summary>
/// A product added, edited or deleted, or its categories, manufacturers or tags changed: the search index patches it in
/// the background.
/// </summary>
public class SearchIndexConsumer :
    IConsumer<EntityInsertedEvent<Product>>, IConsumer<EntityUpdatedEvent<Product>>, IConsumer<EntityDeletedEvent<Product>>,
    IConsumer<EntityInsertedEvent<ProductCategory>>, IConsumer<EntityDeletedEvent<ProductCategory>>,
    IConsumer<EntityInsertedEvent<ProductManufacturer>>, IConsumer<EntityDeletedEvent<ProductManufacturer>>,
    IConsumer<EntityInsertedEvent<ProductProductTagMapping>>, IConsumer<EntityDeletedEvent<ProductProductTagMapping>>
{
    private readonly SearchIndexPatches _patches;

    public SearchIndexConsumer(SearchIndexPatches patches)
    {
        _patches = patches;
    }

    public Task HandleEventAsync(EntityInsertedEvent<Product> eventMessage) => Patch(eventMessage.Entity?.Id);

    public Task HandleEventAsync(EntityUpdatedEvent<Product> eventMessage) => Patch(eventMessage.Entity?.Id);

    public Task HandleEventAsync(EntityDeletedEvent<Product> eventMessage) => Patch(eventMessage.Entity?.Id);

    public Task HandleEventAsync(EntityInsertedEvent<ProductCategory> eventMessage) => Patch(eventMessage.Entity?.ProductId);

    public Task HandleEventAsync(EntityDeletedEvent<ProductCategory> eventMessage) => Patch(eventMessage.Entity?.ProductId);

    public Task HandleEventAsync(EntityInsertedEvent<ProductManufacturer> eventMessage) => Patch(eventMessage.Entity?.ProductId);

    public Task HandleEventAsync(EntityDeletedEvent<ProductManufacturer> eventMessage) => Patch(eventMessage.Entity?.ProductId);

    public Task HandleEventAsync(EntityInsertedEvent<ProductProductTagMapping> eventMessage) => Patch(eventMessage.Entity?.ProductId);

    public Task HandleEventAsync(EntityDeletedEvent<ProductProductTagMapping> eventMessage) => Patch(eventMessage.Entity?.ProductId);

    private Task Patch(int? productId)
    {
        _patches.Enqueue(productId ?? 0);
        return Task.CompletedTask;
    }
}
