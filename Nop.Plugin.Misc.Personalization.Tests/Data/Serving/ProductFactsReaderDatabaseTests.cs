using LinqToDB;
using Nop.Core.Domain.Catalog;
using Moq;
using Nop.Core.Domain.Localization;
using Nop.Services.Localization;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Serving;

/// <summary>
/// Stock as the catalog load reads it from nopCommerce's tables: backorders, inventory by attributes and products
/// stocked in several warehouses (whose own StockQuantity nopCommerce leaves at 0).
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class ProductFactsReaderDatabaseTests : MigratedDatabaseTest
{
    private DataOptions _options;

    public ProductFactsReaderDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    //one database per fixture: the shop's tables are created once
    [SetUp]
    public async Task CreateShopTablesAsync()
    {
        if (_options != null)
            return;
        _options = ShopTables.Options(Database, typeof(Product), typeof(ProductCategory), typeof(ProductManufacturer),
            typeof(ProductWarehouseInventory), typeof(ProductAttributeCombination), typeof(LocalizedProperty), typeof(ProductAttribute),
            typeof(ProductAttributeMapping), typeof(ProductAttributeValue), typeof(ProductSpecificationAttribute), typeof(ProductProductTagMapping),
            typeof(ProductTag), typeof(SpecificationAttribute), typeof(SpecificationAttributeOption));
        await ShopTables.CreateAsync<Product>(_options);
        await ShopTables.CreateAsync<ProductCategory>(_options);
        await ShopTables.CreateAsync<ProductManufacturer>(_options);
        await ShopTables.CreateAsync<ProductWarehouseInventory>(_options);
        await ShopTables.CreateAsync<ProductAttributeCombination>(_options);
        await ShopTables.CreateAsync<LocalizedProperty>(_options);
        await ShopTables.CreateAsync<ProductAttribute>(_options);
        await ShopTables.CreateAsync<ProductAttributeMapping>(_options);
        await ShopTables.CreateAsync<ProductAttributeValue>(_options);
        await ShopTables.CreateAsync<ProductSpecificationAttribute>(_options);
        await ShopTables.CreateAsync<ProductProductTagMapping>(_options);
        await ShopTables.CreateAsync<ProductTag>(_options);
        await ShopTables.CreateAsync<SpecificationAttribute>(_options);
        await ShopTables.CreateAsync<SpecificationAttributeOption>(_options);
    }

    private ProductAttributeReader AttributeReader() => new(new LinqToDbRepository<LocalizedProperty>(_options),
        new LinqToDbRepository<ProductAttribute>(_options), new LinqToDbRepository<ProductAttributeMapping>(_options),
        new LinqToDbRepository<ProductAttributeValue>(_options), new LinqToDbRepository<Product>(_options),
        new LinqToDbRepository<ProductSpecificationAttribute>(_options), new LinqToDbRepository<ProductProductTagMapping>(_options),
        new LinqToDbRepository<ProductTag>(_options), new LinqToDbRepository<SpecificationAttribute>(_options),
        new LinqToDbRepository<SpecificationAttributeOption>(_options));

    private ProductFactsReader Reader() => new(AttributeReader(), new LinqToDbRepository<ProductAttributeCombination>(_options),
        new LinqToDbRepository<ProductCategory>(_options), new LinqToDbRepository<ProductManufacturer>(_options),
        new LinqToDbRepository<Product>(_options), new LinqToDbRepository<ProductWarehouseInventory>(_options));

    private async Task<T> InsertAsync<T>(T entity) where T : Nop.Core.BaseEntity
    {
        await new LinqToDbRepository<T>(_options).InsertAsync(entity, publishEvent: false);
        return entity;
    }

    [Test]
    public async Task AttributesAreReadByIdWithTheirNamesInEveryLanguage()
    {
        var jumper = await AddProductAsync(ManageInventoryMethod.DontManageStock, 0);
        var scarf = await AddProductAsync(ManageInventoryMethod.DontManageStock, 0);
        var plain = await AddProductAsync(ManageInventoryMethod.DontManageStock, 0);
        var material = await InsertAsync(new SpecificationAttribute { Name = "Material" });
        var wool = await InsertAsync(new SpecificationAttributeOption { SpecificationAttributeId = material.Id, Name = "Wool" });
        var cotton = await InsertAsync(new SpecificationAttributeOption { SpecificationAttributeId = material.Id, Name = "Cotton" });
        await InsertAsync(new ProductSpecificationAttribute { ProductId = jumper, SpecificationAttributeOptionId = wool.Id, AllowFiltering = true });
        await InsertAsync(new ProductSpecificationAttribute { ProductId = scarf, SpecificationAttributeOptionId = wool.Id, AllowFiltering = true });
        await InsertAsync(new ProductSpecificationAttribute { ProductId = scarf, SpecificationAttributeOptionId = cotton.Id, AllowFiltering = false });
        await InsertAsync(new ProductSpecificationAttribute { ProductId = plain, SpecificationAttributeOptionId = cotton.Id, AllowFiltering = true, AttributeTypeId = 10, CustomValue = "free text" });
        var warm = await InsertAsync(new ProductTag { Name = "warm" });
        await InsertAsync(new ProductProductTagMapping { ProductId = scarf, ProductTagId = warm.Id });
        var colour = await InsertAsync(new ProductAttribute { Name = "Colour" });
        var jumperColour = await InsertAsync(new ProductAttributeMapping { ProductId = jumper, ProductAttributeId = colour.Id });
        var scarfColour = await InsertAsync(new ProductAttributeMapping { ProductId = scarf, ProductAttributeId = colour.Id });
        var red = await InsertAsync(new ProductAttributeValue { ProductAttributeMappingId = jumperColour.Id, Name = "Red" });
        await InsertAsync(new ProductAttributeValue { ProductAttributeMappingId = scarfColour.Id, Name = " red " });
        await InsertAsync(new LocalizedProperty { EntityId = material.Id, LanguageId = 2, LocaleKeyGroup = "SpecificationAttribute", LocaleKey = "Name", LocaleValue = "Stoff" });
        await InsertAsync(new LocalizedProperty { EntityId = wool.Id, LanguageId = 2, LocaleKeyGroup = "SpecificationAttributeOption", LocaleKey = "Name", LocaleValue = "Wolle" });
        await InsertAsync(new LocalizedProperty { EntityId = warm.Id, LanguageId = 2, LocaleKeyGroup = "ProductTag", LocaleKey = "Name", LocaleValue = "warm-de" });
        await InsertAsync(new LocalizedProperty { EntityId = colour.Id, LanguageId = 2, LocaleKeyGroup = "ProductAttribute", LocaleKey = "Name", LocaleValue = "Farbe" });
        await InsertAsync(new LocalizedProperty { EntityId = red.Id, LanguageId = 2, LocaleKeyGroup = "ProductAttributeValue", LocaleKey = "Name", LocaleValue = "Rot" });
        await InsertAsync(new LocalizedProperty { EntityId = wool.Id, LanguageId = 2, LocaleKeyGroup = "SpecificationAttributeOption", LocaleKey = "Description", LocaleValue = "not a name" });

        var (catalog, vocabulary) = await Reader().ReadCatalogAsync();

        catalog[jumper].Attributes.Should().BeEquivalentTo(new ProductAttributes([wool.Id], [], [red.Id]));
        catalog[scarf].Attributes.Should().BeEquivalentTo(new ProductAttributes([wool.Id], [warm.Id], [red.Id]),
            "a mapping not used for filtering is left out, and the same value name of the same attribute is one value");
        catalog[plain].Attributes.IsEmpty.Should().BeTrue("a custom text is not an option");
        vocabulary.Attribute("material", "WOOL").Should().Equal((AffinityKind.SpecificationOption, wool.Id));
        vocabulary.Attribute("Stoff", "Wolle").Should().Equal((AffinityKind.SpecificationOption, wool.Id));
        vocabulary.Attribute("Farbe", "Rot").Should().Equal((AffinityKind.AttributeValue, red.Id));
        vocabulary.Attribute("Colour", "red").Should().Equal((AffinityKind.AttributeValue, red.Id));
        vocabulary.Tag("warm-de").Should().Equal(warm.Id);
        vocabulary.Attribute("Stoff", "not a name").Should().BeEmpty();

        //the admin names them in the working language (here: German, where a translation exists)
        var localization = new Mock<ILocalizationService>();
        Localize<SpecificationAttribute>(localization, material.Id, "Stoff");
        Localize<SpecificationAttributeOption>(localization, wool.Id, "Wolle");
        Localize<ProductTag>(localization, warm.Id, "warm-de");
        Localize<ProductAttribute>(localization, colour.Id, "Farbe");
        Localize<ProductAttributeValue>(localization, red.Id, "Rot");
        var names = await new AttributeNames(localization.Object, new LinqToDbRepository<ProductAttribute>(_options),
            new LinqToDbRepository<ProductAttributeMapping>(_options), new LinqToDbRepository<ProductAttributeValue>(_options),
            new LinqToDbRepository<ProductTag>(_options), new LinqToDbRepository<SpecificationAttribute>(_options),
            new LinqToDbRepository<SpecificationAttributeOption>(_options)).NamesAsync([
                new Affinity(AffinityKind.SpecificationOption, wool.Id, 0.5), new Affinity(AffinityKind.Tag, warm.Id, 0.2),
                new Affinity(AffinityKind.AttributeValue, red.Id, 0.1), new Affinity(AffinityKind.Category, 1, 0.9),
                new Affinity(AffinityKind.SpecificationOption, 999_999, 0.1)]);

        names.Should().BeEquivalentTo(new Dictionary<(AffinityKind, int), string>
        {
            [(AffinityKind.SpecificationOption, wool.Id)] = "Stoff: Wolle",
            [(AffinityKind.Tag, warm.Id)] = "warm-de",
            [(AffinityKind.AttributeValue, red.Id)] = "Farbe: Rot"
        }, "only attributes are named here, and an option that no longer exists has no name");
    }

    private static void Localize<TEntity>(Mock<ILocalizationService> localization, int id, string name) where TEntity : Nop.Core.BaseEntity, ILocalizedEntity =>
        localization.Setup(l => l.GetLocalizedAsync(It.Is<TEntity>(entity => entity.Id == id), It.IsAny<System.Linq.Expressions.Expression<Func<TEntity, string>>>(),
            It.IsAny<int?>(), It.IsAny<bool>(), It.IsAny<bool>())).ReturnsAsync(name);

    private async Task<int> AddProductAsync(ManageInventoryMethod method, int stock, BackorderMode backorders = BackorderMode.NoBackorders,
        bool multipleWarehouses = false, (int Stock, int Reserved)[] warehouses = null, bool buyButtonDisabled = false,
        bool onlyExistingCombinations = true, params (int Stock, bool OutOfStockOrders)[] combinations)
    {
        warehouses ??= [];
        var product = new Product
        {
            Name = "p", Published = true, VisibleIndividually = true, ManageInventoryMethod = method, StockQuantity = stock,
            BackorderMode = backorders, UseMultipleWarehouses = multipleWarehouses, DisableBuyButton = buyButtonDisabled,
            AllowAddingOnlyExistingAttributeCombinations = onlyExistingCombinations,
            CreatedOnUtc = DateTime.UtcNow, UpdatedOnUtc = DateTime.UtcNow
        };
        await new LinqToDbRepository<Product>(_options).InsertAsync(product, publishEvent: false);
        var inventories = new LinqToDbRepository<ProductWarehouseInventory>(_options);
        for (var i = 0; i < warehouses.Length; i++)
        {
            await inventories.InsertAsync(new ProductWarehouseInventory
            {
                ProductId = product.Id, WarehouseId = i + 1, StockQuantity = warehouses[i].Stock, ReservedQuantity = warehouses[i].Reserved
            }, publishEvent: false);
        }

        foreach (var (combinationStock, outOfStockOrders) in combinations)
        {
            await new LinqToDbRepository<ProductAttributeCombination>(_options).InsertAsync(new ProductAttributeCombination
            {
                ProductId = product.Id, StockQuantity = combinationStock, AllowOutOfStockOrders = outOfStockOrders
            }, publishEvent: false);
        }

        return product.Id;
    }

    [Test]
    public async Task StockFollowsBackordersAttributesAndWarehousesLikeNopCommerce()
    {
        var soldOut = await AddProductAsync(ManageInventoryMethod.ManageStock, 0);
        var inStock = await AddProductAsync(ManageInventoryMethod.ManageStock, 3);
        var backordered = await AddProductAsync(ManageInventoryMethod.ManageStock, 0, BackorderMode.AllowQtyBelow0);
        var byAttributes = await AddProductAsync(ManageInventoryMethod.ManageStockByAttributes, 0, combinations: [(0, false), (2, false)]);
        var byAttributesSoldOut = await AddProductAsync(ManageInventoryMethod.ManageStockByAttributes, 9, combinations: [(0, false), (-1, false)]);
        var byAttributesBackordered = await AddProductAsync(ManageInventoryMethod.ManageStockByAttributes, 0, combinations: [(0, true)]);
        var buyButtonDisabled = await AddProductAsync(ManageInventoryMethod.ManageStock, 5, buyButtonDisabled: true);
        var notManaged = await AddProductAsync(ManageInventoryMethod.DontManageStock, 0);
        var byAttributesWithoutCombinations = await AddProductAsync(ManageInventoryMethod.ManageStockByAttributes, 0, onlyExistingCombinations: false);
        var byExistingCombinationsNoneListed = await AddProductAsync(ManageInventoryMethod.ManageStockByAttributes, 0);
        var inWarehouses = await AddProductAsync(ManageInventoryMethod.ManageStock, 0, multipleWarehouses: true, warehouses: [(5, 2), (0, 0)]);
        var allReserved = await AddProductAsync(ManageInventoryMethod.ManageStock, 7, multipleWarehouses: true, warehouses: [(3, 3)]);
        var noWarehouseRows = await AddProductAsync(ManageInventoryMethod.ManageStock, 7, multipleWarehouses: true);

        var catalog = await Reader().ReadAsync();

        catalog[soldOut].InStock.Should().BeFalse();
        catalog[inStock].InStock.Should().BeTrue();
        catalog[backordered].InStock.Should().BeTrue("backorders sell below zero");
        catalog[byAttributes].InStock.Should().BeTrue("one of its attribute combinations is in stock");
        catalog[byAttributesSoldOut].InStock.Should().BeFalse("no combination is in stock, whatever the product's own quantity says");
        catalog[byAttributesBackordered].InStock.Should().BeTrue("a combination may be ordered out of stock");
        catalog[buyButtonDisabled].InStock.Should().BeFalse("a product whose buy button is disabled cannot be bought now");
        catalog[notManaged].InStock.Should().BeTrue("nopCommerce does not track its stock");
        catalog[byAttributesWithoutCombinations].InStock.Should().BeTrue("nopCommerce checks no stock for attributes that need no existing combination");
        catalog[byExistingCombinationsNoneListed].InStock.Should().BeFalse("only listed combinations may be bought, and none is");

        (catalog[inStock].StockLeft, catalog[soldOut].StockLeft, catalog[backordered].StockLeft, catalog[notManaged].StockLeft)
            .Should().Be(((int?)3, (int?)0, (int?)null, (int?)null));
        (catalog[inWarehouses].StockLeft, catalog[byAttributes].StockLeft, catalog[byAttributesBackordered].StockLeft, catalog[byAttributesWithoutCombinations].StockLeft)
            .Should().Be(((int?)3, (int?)2, (int?)null, (int?)null), "what the warehouses and the combinations hold, unless one sells out of stock");
        catalog[inWarehouses].InStock.Should().BeTrue("three of five in the warehouses are not reserved, whatever the product's own quantity says");
        catalog[allReserved].InStock.Should().BeFalse("every unit in the warehouses is reserved");
        catalog[noWarehouseRows].InStock.Should().BeFalse("a product stocked in warehouses none of which holds it cannot be bought");
    }
}
