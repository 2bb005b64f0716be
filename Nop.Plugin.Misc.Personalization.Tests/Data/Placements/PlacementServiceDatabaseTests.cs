using Moq;
using LinqToDB;
using Nop.Core;
using Nop.Core.Domain.Localization;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Placements;

/// <summary>
/// Placement storage against PostgreSQL through the plugin's migrations and IRepository&lt;T&gt;.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class PlacementServiceDatabaseTests : MigratedDatabaseTest
{
    private PlacementService _service;
    private DataOptions _shopOptions;

    public PlacementServiceDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [OneTimeSetUp]
    public async Task CreateShopTablesAsync()
    {
        _shopOptions = ShopTables.Options(Database, typeof(LocalizedProperty));
        await ShopTables.CreateAsync<LocalizedProperty>(_shopOptions);
    }

    [SetUp]
    public async Task SetUpAsync()
    {
        await Repository<PersonalizationPlacement>().TruncateAsync();
        await Shop<LocalizedProperty>().TruncateAsync();
        _service = new PlacementService(Repository<PersonalizationPlacement>(), Shop<LocalizedProperty>());
    }

    [Test]
    public async Task InsertGetUpdateDelete()
    {
        var placement = Placement(storeId: 1, "home_page_top", PlacementStrategy.ForYou);

        await _service.InsertPlacementAsync(placement);
        placement.Id.Should().BePositive();

        var loaded = await _service.GetPlacementByIdAsync(placement.Id);
        loaded.Should().BeEquivalentTo(placement);

        loaded.Title = "Just for you";
        loaded.Count = 12;
        loaded.Enabled = false;
        await _service.UpdatePlacementAsync(loaded);
        (await _service.GetPlacementByIdAsync(placement.Id)).Should().BeEquivalentTo(loaded);

        await _service.DeletePlacementAsync(loaded);
        (await _service.GetPlacementByIdAsync(placement.Id)).Should().BeNull();
    }

    [Test]
    public async Task AStoreScopeListsItsOwnAndTheSharedPlacementsAndScopeZeroListsAll()
    {
        await _service.InsertPlacementAsync(Placement(0, "home_page_top", PlacementStrategy.ForYou));
        await _service.InsertPlacementAsync(Placement(1, "home_page_bottom", PlacementStrategy.Trending));
        await _service.InsertPlacementAsync(Placement(2, "productdetails_bottom", PlacementStrategy.Similar));

        (await _service.GetPlacementsAsync(1)).Select(p => p.StoreId).Should().BeEquivalentTo([0, 1]);
        (await _service.GetPlacementsAsync(2)).Select(p => p.StoreId).Should().BeEquivalentTo([0, 2]);
        (await _service.GetPlacementsAsync(0)).Select(p => p.StoreId).Should().BeEquivalentTo([0, 1, 2]);
    }

    [Test]
    public async Task TheListIsOrderedByZoneThenDisplayOrder()
    {
        await _service.InsertPlacementAsync(Placement(0, "productdetails_bottom", PlacementStrategy.Similar, displayOrder: 0));
        await _service.InsertPlacementAsync(Placement(0, "home_page_top", PlacementStrategy.ForYou, displayOrder: 2));
        await _service.InsertPlacementAsync(Placement(0, "home_page_top", PlacementStrategy.Trending, displayOrder: 1));

        (await _service.GetPlacementsAsync(0)).Select(p => p.Strategy).Should().Equal(
            nameof(PlacementStrategy.Trending), nameof(PlacementStrategy.ForYou), nameof(PlacementStrategy.Similar));
    }

    [Test]
    public async Task LoadEnabledReturnsOnlyEnabledPlacementsOfEveryStoreWithTheirStore()
    {
        var shared = Placement(0, "home_page_top", PlacementStrategy.ForYou);
        var store2 = Placement(2, "productdetails_bottom", PlacementStrategy.Similar);
        var disabled = Placement(1, "home_page_bottom", PlacementStrategy.Trending);
        disabled.Enabled = false;
        foreach (var placement in new[] { shared, store2, disabled })
            await _service.InsertPlacementAsync(placement);

        var enabled = await _service.LoadEnabledAsync();

        enabled.Should().BeEquivalentTo(
        [
            new PlacementDefinition(shared.Id, 0, "home_page_top", "ForYou", shared.Title, shared.Count, shared.SegmentId, shared.DisplayOrder),
            new PlacementDefinition(store2.Id, 2, "productdetails_bottom", "Similar", store2.Title, store2.Count, store2.SegmentId, store2.DisplayOrder)
        ]);

        var catalog = new PlacementCatalog();
        catalog.Replace(enabled);
        catalog.ForZone(1, "productdetails_bottom").Should().BeEmpty("store 2's placement is not shown in store 1");
        catalog.ForZone(2, "productdetails_bottom").Should().ContainSingle();
        catalog.ForZone(1, "home_page_top").Should().ContainSingle();
    }

    [Test]
    public async Task LoadEnabledCarriesEachPlacementsTranslatedTitlesAndTheStorefrontFallsBackToTheStandardOne()
    {
        var forYou = Placement(0, "home_page_top", PlacementStrategy.ForYou);
        var trending = Placement(0, "home_page_bottom", PlacementStrategy.Trending);
        await _service.InsertPlacementAsync(forYou);
        await _service.InsertPlacementAsync(trending);
        await Shop<LocalizedProperty>().InsertAsync(new List<LocalizedProperty>
        {
            Translation(forYou.Id, languageId: 2, "Für Sie"),
            Translation(forYou.Id, languageId: 3, "Pour vous"),
            Translation(forYou.Id, languageId: 4, "  "),
            //another entity type with the same id, and another field of ours: neither is a title
            new() { EntityId = forYou.Id, LanguageId = 2, LocaleKeyGroup = "Product", LocaleKey = "Name", LocaleValue = "Produkt" },
            new() { EntityId = trending.Id, LanguageId = 2, LocaleKeyGroup = PlacementTitles.LOCALE_KEY_GROUP, LocaleKey = "WidgetZone", LocaleValue = "x" }
        });

        var enabled = (await _service.LoadEnabledAsync()).ToDictionary(placement => placement.Id);

        enabled[forYou.Id].TitleIn(2).Should().Be("Für Sie");
        enabled[forYou.Id].TitleIn(3).Should().Be("Pour vous");
        enabled[forYou.Id].TitleIn(4).Should().Be(forYou.Title, "a blank translation falls back to the standard title");
        enabled[forYou.Id].TitleIn(1).Should().Be(forYou.Title, "an untranslated language falls back to the standard title");
        enabled[trending.Id].LocalizedTitles.Should().BeNull();
        enabled[trending.Id].TitleIn(2).Should().Be(trending.Title);
    }

    [Test]
    public async Task TranslationsOfADeletedPlacementAndOnUninstallOfAllPlacementsAreRemovedAndNothingElse()
    {
        var titles = new PlacementTitles(Mock.Of<Nop.Services.Localization.ILocalizedEntityService>(), Shop<LocalizedProperty>());
        await Shop<LocalizedProperty>().InsertAsync(new List<LocalizedProperty>
        {
            Translation(5, 2, "Für Sie"),
            Translation(6, 2, "Im Trend"),
            new() { EntityId = 5, LanguageId = 2, LocaleKeyGroup = "Product", LocaleKey = "Name", LocaleValue = "Produkt" }
        });

        await titles.DeleteAsync(5);
        (await Shop<LocalizedProperty>().GetAllAsync(query => query)).Select(row => (row.LocaleKeyGroup, row.EntityId))
            .Should().BeEquivalentTo([(PlacementTitles.LOCALE_KEY_GROUP, 6), ("Product", 5)]);

        await titles.DeleteAllAsync();
        (await Shop<LocalizedProperty>().GetAllAsync(query => query)).Select(row => row.LocaleKeyGroup).Should().Equal("Product");
    }

    [Test]
    public async Task DefaultsAreInsertedOnlyIntoAnEmptyTable()
    {
        await _service.InsertDefaultPlacementsAsync();
        await _service.InsertDefaultPlacementsAsync();

        var stored = await _service.GetPlacementsAsync(0);
        stored.Should().HaveCount(DefaultPlacements.Create().Count);
        stored.Should().OnlyContain(p => p.Enabled && p.StoreId == 0);
        (await _service.LoadEnabledAsync()).Select(p => p.WidgetZone)
            .Should().BeEquivalentTo(DefaultPlacements.Create().Select(p => p.WidgetZone));
    }

    private IRepository<TEntity> Shop<TEntity>() where TEntity : BaseEntity => new LinqToDbRepository<TEntity>(_shopOptions);

    private static LocalizedProperty Translation(int placementId, int languageId, string title) => new()
    {
        EntityId = placementId,
        LanguageId = languageId,
        LocaleKeyGroup = PlacementTitles.LOCALE_KEY_GROUP,
        LocaleKey = PlacementTitles.TITLE_KEY,
        LocaleValue = title
    };

    private static PersonalizationPlacement Placement(int storeId, string zone, PlacementStrategy strategy, int displayOrder = 0) => new()
    {
        StoreId = storeId,
        WidgetZone = zone,
        Strategy = strategy.ToString(),
        Title = $"{strategy} in {zone}",
        Count = 6,
        SegmentId = 3,
        Enabled = true,
        DisplayOrder = displayOrder
    };
}
