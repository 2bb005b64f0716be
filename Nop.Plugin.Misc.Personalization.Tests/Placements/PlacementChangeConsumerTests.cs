using Moq;
using Nop.Core.Domain.Localization;
using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Placements;

namespace Nop.Plugin.Misc.Personalization.Tests.Placements;

[TestFixture]
public class PlacementChangeConsumerTests
{
    private Mock<IPlacementCatalogRefresh> _refresh;
    private PlacementChangeConsumer _consumer;

    [SetUp]
    public void SetUp()
    {
        _refresh = new Mock<IPlacementCatalogRefresh>();
        _consumer = new PlacementChangeConsumer(_refresh.Object);
    }

    [Test]
    public async Task ATranslatedPlacementTitleSavedOrRemovedReloadsTheCatalog()
    {
        var title = new LocalizedProperty { EntityId = 3, LanguageId = 2, LocaleKeyGroup = PlacementTitles.LOCALE_KEY_GROUP, LocaleKey = "Title", LocaleValue = "Für Sie" };

        await _consumer.HandleEventAsync(new EntityInsertedEvent<LocalizedProperty>(title));
        await _consumer.HandleEventAsync(new EntityUpdatedEvent<LocalizedProperty>(title));
        await _consumer.HandleEventAsync(new EntityDeletedEvent<LocalizedProperty>(title));

        _refresh.Verify(r => r.RequestReload(), Times.Exactly(3));
    }

    [Test]
    public async Task OtherTranslationsLeaveTheCatalogAlone()
    {
        await _consumer.HandleEventAsync(new EntityUpdatedEvent<LocalizedProperty>(new LocalizedProperty { LocaleKeyGroup = "Product", LocaleKey = "Name" }));

        _refresh.Verify(r => r.RequestReload(), Times.Never);
    }

    [Test]
    public async Task APlacementRowChangeReloadsTheCatalog()
    {
        await _consumer.HandleEventAsync(new EntityUpdatedEvent<PersonalizationPlacement>(new PersonalizationPlacement { Id = 3 }));

        _refresh.Verify(r => r.RequestReload(), Times.Once);
    }
}
