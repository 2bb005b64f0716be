using LinqToDB;
using Nop.Core.Domain.Catalog;
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

    [SetUp]
    public async Task CreateShopTablesAsync()
    {
        _options = ShopTables.Options(Database, typeof(Product), typeof(ProductCategory), typeof(ProductManufacturer),
            typeof(ProductWarehouseInventory), typeof(ProductAttributeCombination));
        await ShopTables.CreateAsync<Product>(_options);
        await ShopTables.CreateAsync<ProductCategory>(_options);
        await ShopTables.CreateAsync<ProductManufacturer>(_options);
        await ShopTables.CreateAsync<ProductWarehouseInventory>(_options);
        await ShopTables.CreateAsync<ProductAttributeCombination>(_options);
    }

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

        var catalog = await new ProductFactsReader(new LinqToDbRepository<ProductAttributeCombination>(_options), new LinqToDbRepository<ProductCategory>(_options), new LinqToDbRepository<ProductManufacturer>(_options),
            new LinqToDbRepository<Product>(_options), new LinqToDbRepository<ProductWarehouseInventory>(_options)).ReadAsync();

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
