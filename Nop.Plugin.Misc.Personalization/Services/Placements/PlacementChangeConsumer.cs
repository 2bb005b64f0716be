using Nop.Core.Domain.Localization;
using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Services.Placements;

/// <summary>
/// Any change to a placement row or a translated placement title on this node (admin page, install, a translation
/// import, another plugin) reloads the catalog. Other nodes catch up through the periodic reload.
/// </summary>
public sealed class PlacementChangeConsumer :
    IConsumer<EntityInsertedEvent<PersonalizationPlacement>>,
    IConsumer<EntityUpdatedEvent<PersonalizationPlacement>>,
    IConsumer<EntityDeletedEvent<PersonalizationPlacement>>,
    IConsumer<EntityInsertedEvent<LocalizedProperty>>,
    IConsumer<EntityUpdatedEvent<LocalizedProperty>>,
    IConsumer<EntityDeletedEvent<LocalizedProperty>>
{
    private readonly IPlacementCatalogRefresh _refresh;

    public PlacementChangeConsumer(IPlacementCatalogRefresh refresh)
    {
        _refresh = refresh;
    }

    public Task HandleEventAsync(EntityInsertedEvent<PersonalizationPlacement> eventMessage) => ReloadAsync();

    public Task HandleEventAsync(EntityUpdatedEvent<PersonalizationPlacement> eventMessage) => ReloadAsync();

    public Task HandleEventAsync(EntityDeletedEvent<PersonalizationPlacement> eventMessage) => ReloadAsync();

    public Task HandleEventAsync(EntityInsertedEvent<LocalizedProperty> eventMessage) => ReloadIfTitle(eventMessage.Entity);

    public Task HandleEventAsync(EntityUpdatedEvent<LocalizedProperty> eventMessage) => ReloadIfTitle(eventMessage.Entity);

    public Task HandleEventAsync(EntityDeletedEvent<LocalizedProperty> eventMessage) => ReloadIfTitle(eventMessage.Entity);

    private Task ReloadIfTitle(LocalizedProperty property) =>
        property?.LocaleKeyGroup == PlacementTitles.LOCALE_KEY_GROUP ? ReloadAsync() : Task.CompletedTask;

    private Task ReloadAsync()
    {
        _refresh.RequestReload();
        return Task.CompletedTask;
    }
}
