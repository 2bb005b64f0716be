using LinqToDB;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Search;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Search;

/// <summary>
/// What the search index and the query statistics read from nopCommerce's tables and the plugin's events.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class SearchReadersDatabaseTests : MigratedDatabaseTest
{
    private DataOptions _options;

    public SearchReadersDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    //one database per fixture: the shop's tables are created once
    [SetUp]
    public async Task CreateShopTablesAsync()
    {
        if (_options != null)
            return;
        _options = ShopTables.Options(Database, typeof(Product), typeof(Category), typeof(Manufacturer), typeof(ProductCategory),
            typeof(ProductManufacturer), typeof(ProductTag), typeof(ProductProductTagMapping), typeof(LocalizedProperty), typeof(StoreMapping));
        await ShopTables.CreateAsync<Product>(_options);
        await ShopTables.CreateAsync<Category>(_options);
        await ShopTables.CreateAsync<Manufacturer>(_options);
        await ShopTables.CreateAsync<ProductCategory>(_options);
        await ShopTables.CreateAsync<ProductManufacturer>(_options);
        await ShopTables.CreateAsync<ProductTag>(_options);
        await ShopTables.CreateAsync<ProductProductTagMapping>(_options);
        await ShopTables.CreateAsync<LocalizedProperty>(_options);
        await ShopTables.CreateAsync<StoreMapping>(_options);
    }

    private SearchDocumentReader Reader() => new(new LinqToDbRepository<Category>(_options), new LinqToDbRepository<LocalizedProperty>(_options),
        new LinqToDbRepository<Manufacturer>(_options), new LinqToDbRepository<ProductCategory>(_options),
        new LinqToDbRepository<ProductManufacturer>(_options), new LinqToDbRepository<Product>(_options),
        new LinqToDbRepository<ProductProductTagMapping>(_options), new LinqToDbRepository<ProductTag>(_options),
        new LinqToDbRepository<StoreMapping>(_options));

    private async Task<T> InsertAsync<T>(T entity) where T : Nop.Core.BaseEntity
    {
        await new LinqToDbRepository<T>(_options).InsertAsync(entity, publishEvent: false);
        return entity;
    }

    private async Task<Product> ProductAsync(string name, bool published = true, bool limitedToStores = false) => await InsertAsync(new Product
    {
        Name = name, Sku = name[..3].ToUpperInvariant(), ShortDescription = "about " + name, Published = published,
        VisibleIndividually = true, LimitedToStores = limitedToStores, CreatedOnUtc = DateTime.UtcNow, UpdatedOnUtc = DateTime.UtcNow
    });

    [Test]
    public async Task DocumentsHoldNamesOfMappedCategoriesManufacturersTagsLocalizedTextsAndStores()
    {
        var laptop = await ProductAsync("Laptop");
        var hidden = await ProductAsync("Hidden", published: false);
        var storeTwo = await ProductAsync("Kettle", limitedToStores: true);
        var nowhere = await ProductAsync("Nowhere", limitedToStores: true);
        var computers = await InsertAsync(new Category { Name = "Computers", Published = true });
        var gone = await InsertAsync(new Category { Name = "Gone", Published = true, Deleted = true });
        var brand = await InsertAsync(new Manufacturer { Name = "Lenovo", Published = true });
        var tag = await InsertAsync(new ProductTag { Name = "portable" });
        await InsertAsync(new ProductCategory { ProductId = laptop.Id, CategoryId = computers.Id });
        await InsertAsync(new ProductCategory { ProductId = laptop.Id, CategoryId = gone.Id });
        await InsertAsync(new ProductManufacturer { ProductId = laptop.Id, ManufacturerId = brand.Id });
        await InsertAsync(new ProductProductTagMapping { ProductId = laptop.Id, ProductTagId = tag.Id });
        await InsertAsync(new LocalizedProperty { EntityId = laptop.Id, LanguageId = 2, LocaleKeyGroup = "Product", LocaleKey = "Name", LocaleValue = "Ordinateur portable" });
        await InsertAsync(new LocalizedProperty { EntityId = laptop.Id, LanguageId = 2, LocaleKeyGroup = "Product", LocaleKey = "MetaTitle", LocaleValue = "not searched" });
        await InsertAsync(new LocalizedProperty { EntityId = laptop.Id, LanguageId = 2, LocaleKeyGroup = "Category", LocaleKey = "Name", LocaleValue = "other entity" });
        await InsertAsync(new StoreMapping { EntityId = storeTwo.Id, EntityName = "Product", StoreId = 2 });
        await InsertAsync(new StoreMapping { EntityId = laptop.Id, EntityName = "Category", StoreId = 3 });

        var all = await Reader().ReadAllAsync();

        all.Select(document => document.ProductId).Should().BeEquivalentTo([laptop.Id, storeTwo.Id, nowhere.Id], "unpublished products are not searchable");
        var document = all.Single(d => d.ProductId == laptop.Id);
        document.Name.Should().Be("Laptop");
        document.Sku.Should().Be("LAP");
        document.ShortDescription.Should().Be("about Laptop");
        document.Texts.Should().BeEquivalentTo(["Computers", "Lenovo", "portable", "Ordinateur portable"]);
        document.StoreIds.Should().BeEmpty("sold in every store");
        all.Single(d => d.ProductId == storeTwo.Id).StoreIds.Should().Equal(2);
        all.Single(d => d.ProductId == nowhere.Id).StoreIds.Should().Equal(-1);

        var one = await Reader().ReadAsync(laptop.Id);
        one.Should().BeEquivalentTo(document);
        (await Reader().ReadAsync(hidden.Id)).Should().BeNull();
    }

    [Test]
    public async Task SearchLogHoldsSearchesAndWhatFollowedPerStore()
    {
        var events = Repository<PersonalizationEvent>();
        var now = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
        await events.InsertAsync(new List<PersonalizationEvent>
        {
            new() { StoreId = 1, CustomerId = 5, EventType = (int)InteractionType.Search, Query = "lamp", CreatedOnUtc = now },
            new() { StoreId = 1, CustomerId = 5, EventType = (int)InteractionType.View, ProductId = 9, CreatedOnUtc = now.AddMinutes(1) },
            new() { StoreId = 2, CustomerId = 6, EventType = (int)InteractionType.Purchase, ProductId = 4, CreatedOnUtc = now },
            new() { StoreId = 1, CustomerId = 0, EventType = (int)InteractionType.Search, Query = "anonymous", CreatedOnUtc = now },
            new() { StoreId = 1, CustomerId = 5, EventType = (int)InteractionType.RecommendationImpression, ProductId = 9, CreatedOnUtc = now },
            new() { StoreId = 1, CustomerId = 5, EventType = (int)InteractionType.View, ProductId = 8, CreatedOnUtc = now.AddDays(-100) }
        }, publishEvent: false);

        var log = await new SearchLogReader(events).ReadAsync(now.AddDays(-90), 1000);

        log[1].Searches.Should().Equal(new Nop.Plugin.Misc.Personalization.Engine.Search.SearchLogEntry(5, now, "lamp"));
        log[1].Interactions.Select(i => (i.ProductId, i.Type)).Should().Equal((9, InteractionType.View));
        log[2].Interactions.Select(i => (i.ProductId, i.Type)).Should().Equal((4, InteractionType.Purchase));
    }

    [Test]
    public async Task SearchClicksAreReadWithTheirQueryAlsoWhenAnonymousAndTeachTheStatistics()
    {
        var events = Repository<PersonalizationEvent>();
        var now = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
        await events.InsertAsync(new List<PersonalizationEvent>
        {
            new() { StoreId = 1, CustomerId = 0, EventType = (int)InteractionType.SearchClick, ProductId = 9, Query = "desk lamp", CreatedOnUtc = now },
            new() { StoreId = 1, CustomerId = 5, EventType = (int)InteractionType.SearchClick, ProductId = 8, Query = "Desk Lamp", CreatedOnUtc = now.AddMinutes(1) },
            new() { StoreId = 2, CustomerId = 0, EventType = (int)InteractionType.SearchClick, ProductId = 7, Query = "kettle", CreatedOnUtc = now },
            new() { StoreId = 1, CustomerId = 0, EventType = (int)InteractionType.SearchClick, ProductId = 6, Query = "old", CreatedOnUtc = now.AddDays(-100) },
            new() { StoreId = 1, CustomerId = 0, EventType = (int)InteractionType.View, ProductId = 9, CreatedOnUtc = now }
        }, publishEvent: false);

        var log = await new SearchLogReader(events).ReadAsync(now.AddDays(-90), 1000);

        log[1].Clicks.Select(click => (click.CustomerId, click.ProductId, click.Query)).Should().BeEquivalentTo([(0, 9, "desk lamp"), (5, 8, "Desk Lamp")]);
        log[1].Interactions.Should().BeEmpty("an anonymous view says nothing about a search, and a click is not an interaction twice");
        log[2].Clicks.Select(click => click.ProductId).Should().Equal(7);

        var stats = new Nop.Plugin.Misc.Personalization.Engine.Search.QueryStatsBuilder().Build(log[1].Searches, log[1].Interactions, log[1].Clicks);
        stats.For("desk lamp").Keys.Should().BeEquivalentTo([9, 8]);
    }
}
