using Microsoft.Extensions.Time.Testing;
using Nop.Core.Domain.Catalog;
using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Consumers;
using Nop.Plugin.Misc.Personalization.Engine.BackInStock;
using Nop.Plugin.Misc.Personalization.Services.BackInStock;
using Nop.Plugin.Misc.Personalization.Services.Catalog;

namespace Nop.Plugin.Misc.Personalization.Tests.Serving;

/// <summary>
/// What the request hands to the back-in-stock check: product 5 is sold out, product 6 for sale.
/// </summary>
[TestFixture]
public class BackInStockConsumerTests
{
    private static readonly DateTime _now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    private FakeTimeProvider _time;
    private ServingCatalog _catalog;
    private BackInStockWatch _watch;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(_now));
        _catalog = new ServingCatalog();
        _catalog.Replace(new Dictionary<int, ServableProduct>
        {
            [5] = new(5, true, false, true, false, null, null, false, false, [10], 3, 9m, _now) { StockLeft = 0 },
            [6] = new(6, true, false, true, true, null, null, false, false, [10], 3, 9m, _now) { StockLeft = 8 }
        });
        _watch = new BackInStockWatch();
    }

    private static Product Stocked(int id, int quantity) => new()
    {
        Id = id, Published = true, VisibleIndividually = true, ManageInventoryMethod = ManageInventoryMethod.ManageStock, StockQuantity = quantity
    };

    private List<int> Waiting()
    {
        var ids = new List<int>();
        while (_watch.TryTake(out var id, out _))
            ids.Add(id);
        return ids;
    }

    [Test]
    public async Task AnUpdateOfAProductThatWasNotForSaleIsCheckedOnceAndOneForSaleIsNot()
    {
        var consumer = new ProductChangeConsumer(_watch, _catalog, _time);

        await consumer.HandleEventAsync(new EntityUpdatedEvent<Product>(Stocked(5, 4)));
        await consumer.HandleEventAsync(new EntityUpdatedEvent<Product>(Stocked(6, 0)));
        await new BackInStockConsumer(_watch, _catalog, _time).HandleEventAsync(new EntityInsertedEvent<StockQuantityHistory>(
            new StockQuantityHistory { ProductId = 5, QuantityAdjustment = 4 }));

        Waiting().Should().Equal([5], "product 6 was for sale before its update; the stock entry of 5 came after its update made it sellable");
    }

    [Test]
    public async Task StockAddedInAWarehouseOrCombinationIsCheckedButStockTakenIsNot()
    {
        var consumer = new BackInStockConsumer(_watch, _catalog, _time);

        await consumer.HandleEventAsync(new EntityInsertedEvent<StockQuantityHistory>(new StockQuantityHistory { ProductId = 5, QuantityAdjustment = -1, WarehouseId = 2 }));
        Waiting().Should().BeEmpty();

        await consumer.HandleEventAsync(new EntityInsertedEvent<StockQuantityHistory>(new StockQuantityHistory { ProductId = 5, QuantityAdjustment = 3, WarehouseId = 2 }));
        await consumer.HandleEventAsync(new EntityInsertedEvent<StockQuantityHistory>(new StockQuantityHistory { ProductId = 5, QuantityAdjustment = 2, CombinationId = 7 }));
        Waiting().Should().Equal(5);
    }

    [Test]
    public async Task SubscriptionsNopCommerceEndsRightAfterTheChangeAreKeptForTheCheckOthersAreNot()
    {
        var consumer = new BackInStockConsumer(_watch, _catalog, _time);
        Task End(int customerId, int productId = 5) => consumer.HandleEventAsync(new EntityDeletedEvent<BackInStockSubscription>(
            new BackInStockSubscription { StoreId = 1, ProductId = productId, CustomerId = customerId, CreatedOnUtc = _now.AddDays(-customerId) }));

        await End(40);
        _watch.Done(5).Should().BeEmpty("a customer who unsubscribes while nothing changed is no notification");

        _watch.Check(5, _now);
        await End(41);
        await End(42, productId: 6);
        _time.Advance(BackInStockWatch.SubscriptionWindow + TimeSpan.FromSeconds(1));
        await End(43);

        _watch.Done(5).Should().ContainKey(1).WhoseValue.Should().Equal(new BackInStockSubscriber(41, _now.AddDays(-41)));
        _watch.Done(5).Should().BeEmpty("taken once");
    }

    [Test]
    public async Task CallForPriceIsNotForSaleAndTheOwnersMinimumStockMarksLowStock()
    {
        var consumer = new ProductChangeConsumer(_watch, _catalog, _time);
        var asked = Stocked(6, 50);
        asked.CallForPrice = true;
        var owners = Stocked(5, 4);
        owners.MinStockQuantity = 5;
        var acting = Stocked(7, 4);
        acting.MinStockQuantity = 5;
        acting.LowStockActivity = LowStockActivity.DisableBuyButton;

        await consumer.HandleEventAsync(new EntityUpdatedEvent<Product>(asked));
        await consumer.HandleEventAsync(new EntityUpdatedEvent<Product>(owners));

        _catalog.Find(6).IsSellable(_now).Should().BeFalse("nopCommerce's cart refuses a call-for-price product");
        _catalog.Find(5).IsLowStock(1).Should().BeTrue("4 units are at or below the owner's minimum of 5, where nopCommerce says 'low stock'");
        ProductFactsReader.ToServable(acting, [], 0).IsLowStock(1).Should().BeFalse("reaching this minimum disables the buy button instead");
        _catalog.Find(5).IsLowStock(0).Should().BeFalse("a threshold of 0 turns low stock off");
    }
}
