using Nop.Core.Domain.Catalog;
using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Consumers;
using Nop.Plugin.Misc.Personalization.Services.BackInStock;
using Nop.Plugin.Misc.Personalization.Services.Catalog;

namespace Nop.Plugin.Misc.Personalization.Tests.Serving;

[TestFixture]
public class ProductChangeConsumerTests
{
    [Test]
    public async Task AnUnpublishedOrDeletedProductStopsBeingServableAtOnce()
    {
        var catalog = new ServingCatalog();
        catalog.Replace(new Dictionary<int, ServableProduct>
        {
            [5] = new(5, true, false, true, true, null, null, false, false, [10], 3, 9m, DateTime.UtcNow)
        });
        var consumer = new ProductChangeConsumer(new BackInStockWatch(), catalog, TimeProvider.System);

        await consumer.HandleEventAsync(new EntityUpdatedEvent<Product>(new Product { Id = 5, Published = false, VisibleIndividually = true }));

        var patched = catalog.Find(5);
        patched.Published.Should().BeFalse();
        patched.CategoryIds.Should().Equal(10);
        patched.ManufacturerId.Should().Be(3);

        await consumer.HandleEventAsync(new EntityDeletedEvent<Product>(new Product { Id = 5, Published = true, Deleted = true, VisibleIndividually = true }));

        catalog.Find(5).IsShowable(DateTime.UtcNow, requireStock: false).Should().BeFalse();
    }

    [Test]
    public async Task AnUpdateOfAProductStockedInSeveralWarehousesKeepsTheStockTheCatalogLoadRead()
    {
        var catalog = new ServingCatalog();
        catalog.Replace(new Dictionary<int, ServableProduct>
        {
            //as the catalog load read them: units their warehouses hold beyond reservations
            [5] = new(5, true, false, true, true, null, null, false, false, [10], 3, 9m, DateTime.UtcNow) { StockLeft = 3 },
            [6] = new(6, true, false, true, false, null, null, false, false, [10], 3, 9m, DateTime.UtcNow) { StockLeft = 0 }
        });
        var consumer = new ProductChangeConsumer(new BackInStockWatch(), catalog, TimeProvider.System);
        Product InWarehouses(int id) => new()
        {
            Id = id, Published = true, VisibleIndividually = true, ManageInventoryMethod = ManageInventoryMethod.ManageStock,
            UseMultipleWarehouses = true, StockQuantity = 0
        };

        await consumer.HandleEventAsync(new EntityUpdatedEvent<Product>(InWarehouses(5)));
        await consumer.HandleEventAsync(new EntityUpdatedEvent<Product>(InWarehouses(6)));

        catalog.Find(5).InStock.Should().BeTrue("the product's own quantity says nothing about its warehouses");
        catalog.Find(6).InStock.Should().BeFalse();
    }

    [Test]
    public async Task AnUpdateKeepsTheUnitsLeftOfCombinationsAndTakesASimpleProductsOwn()
    {
        var catalog = new ServingCatalog();
        catalog.Replace(new Dictionary<int, ServableProduct>
        {
            [5] = new ServableProduct(5, true, false, true, true, null, null, false, false, [10], 3, 9m, DateTime.UtcNow) { StockLeft = 2 },
            [6] = new ServableProduct(6, true, false, true, true, null, null, false, false, [10], 3, 9m, DateTime.UtcNow) { StockLeft = 40 }
        });
        var consumer = new ProductChangeConsumer(new BackInStockWatch(), catalog, TimeProvider.System);

        await consumer.HandleEventAsync(new EntityUpdatedEvent<Product>(new Product
        {
            Id = 5, Published = true, VisibleIndividually = true, ManageInventoryMethod = ManageInventoryMethod.ManageStockByAttributes
        }));
        await consumer.HandleEventAsync(new EntityUpdatedEvent<Product>(new Product
        {
            Id = 6, Published = true, VisibleIndividually = true, ManageInventoryMethod = ManageInventoryMethod.ManageStock, StockQuantity = 1
        }));

        (catalog.Find(5).InStock, catalog.Find(5).StockLeft).Should().Be((true, (int?)2), "combination stock is not on the product");
        (catalog.Find(6).InStock, catalog.Find(6).StockLeft).Should().Be((true, (int?)1), "a sale just took the product down to one unit");
        catalog.Find(6).IsLowStock(3).Should().BeTrue();
    }

    [Test]
    public async Task ABuyButtonEnabledAgainSellsAWarehouseProductAtOnce()
    {
        var catalog = new ServingCatalog();
        //loaded while its buy button was disabled: not in stock, though its warehouses hold units
        catalog.Replace(new Dictionary<int, ServableProduct>
        {
            [5] = new ServableProduct(5, true, false, true, false, null, null, false, false, [10], 3, 9m, DateTime.UtcNow) { StockLeft = 4 }
        });

        await new ProductChangeConsumer(new BackInStockWatch(), catalog, TimeProvider.System).HandleEventAsync(new EntityUpdatedEvent<Product>(new Product
        {
            Id = 5, Published = true, VisibleIndividually = true, ManageInventoryMethod = ManageInventoryMethod.ManageStock, UseMultipleWarehouses = true
        }));

        (catalog.Find(5).InStock, catalog.Find(5).StockLeft).Should().Be((true, (int?)4));
    }
}
