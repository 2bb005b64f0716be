using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Services.Placements;

/// <summary>
/// Any change to a placement row on this node (admin page, install, another plugin) reloads the catalog.
/// Other nodes catch up through the periodic reload.
/// </summary>
public sealed class PlacementChangeConsumer :
    IConsumer<EntityInsertedEvent<PersonalizationPlacement>>,
    IConsumer<EntityUpdatedEvent<PersonalizationPlacement>>,
    IConsumer<EntityDeletedEvent<PersonalizationPlacement>>
{
    private readonly IPlacementCatalogRefresh _refresh;

    public PlacementChangeConsumer(IPlacementCatalogRefresh refresh)
    {
        _refresh = refresh;
    }

    public Task HandleEventAsync(EntityInsertedEvent<PersonalizationPlacement> eventMessage) => ReloadAsync();

    public Task HandleEventAsync(EntityUpdatedEvent<PersonalizationPlacement> eventMessage) => ReloadAsync();

    public Task HandleEventAsync(EntityDeletedEvent<PersonalizationPlacement> eventMessage) => ReloadAsync();

    private Task ReloadAsync()
    {
        _refresh.RequestReload();
        return Task.CompletedTask;
    }
}
