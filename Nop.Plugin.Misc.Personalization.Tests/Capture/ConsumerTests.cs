using Moq;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Consumers;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Tests.Admin;
using Nop.Services.Customers;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Models;
using Nop.Web.Models.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Catalog;

namespace Nop.Plugin.Misc.Personalization.Tests.Capture;

[TestFixture]
public class ConsumerTests
{
    private CaptureFixture _fixture;

    [SetUp]
    public void SetUp() => _fixture = new CaptureFixture();

    [Test]
    public async Task AProductPageModelIsAView()
    {
        var consumer = new BrowsingConsumer(_fixture.Capture, _fixture.StoreContext.Object, _fixture.WorkContext.Object);

        await consumer.HandleEventAsync(new ModelPreparedEvent<BaseNopModel>(new ProductDetailsModel { Id = 9 }));
        await consumer.HandleEventAsync(new ModelPreparedEvent<BaseNopModel>(new BaseNopEntityModel { Id = 10 }));

        var captured = _fixture.DrainEvents().Single();
        (captured.EventType, captured.ProductId, captured.StoreId).Should().Be(((int)InteractionType.View, 9, 1));
    }

    [Test]
    public async Task ASearchKeepsItsTermAndResultCount()
    {
        var consumer = new BrowsingConsumer(_fixture.Capture, _fixture.StoreContext.Object, _fixture.WorkContext.Object);

        await consumer.HandleEventAsync(new ModelPreparedEvent<BaseNopModel>(new SearchModel { q = "red shoes", CatalogProductsModel = new CatalogProductsModel { TotalItems = 17 } }));
        await consumer.HandleEventAsync(new ModelPreparedEvent<BaseNopModel>(new SearchModel { q = "  " }));
        await consumer.HandleEventAsync(new ModelPreparedEvent<BaseNopModel>(new CategoryModel { Id = 3 }));

        var captured = _fixture.DrainEvents().Single();
        (captured.EventType, captured.Query, captured.ProductId, captured.Quantity).Should().Be(((int)InteractionType.Search, "red shoes", 0, 17));
    }

    [Test]
    public async Task CartChangesMapToAddWishlistAndRemove()
    {
        var consumer = new ShoppingCartConsumer(_fixture.Capture, new CartMigrationTracker(), _fixture.Catalog, _fixture.Live, _fixture.WorkContext.Object);
        var cart = new ShoppingCartItem { StoreId = 1, CustomerId = 42, ProductId = 3, Quantity = 1, ShoppingCartType = ShoppingCartType.ShoppingCart };
        var wish = new ShoppingCartItem { StoreId = 1, CustomerId = 42, ProductId = 4, Quantity = 1, ShoppingCartType = ShoppingCartType.Wishlist };

        await consumer.HandleEventAsync(new EntityInsertedEvent<ShoppingCartItem>(cart));
        await consumer.HandleEventAsync(new EntityInsertedEvent<ShoppingCartItem>(wish));
        cart.Quantity = 3;
        await consumer.HandleEventAsync(new EntityUpdatedEvent<ShoppingCartItem>(cart));
        await consumer.HandleEventAsync(new EntityUpdatedEvent<ShoppingCartItem>(wish));
        await consumer.HandleEventAsync(new EntityDeletedEvent<ShoppingCartItem>(cart));
        await consumer.HandleEventAsync(new EntityDeletedEvent<ShoppingCartItem>(wish));

        _fixture.DrainEvents().Select(e => ((InteractionType)e.EventType, e.ProductId, e.Quantity)).Should().Equal(
            (InteractionType.AddToCart, 3, 1),
            (InteractionType.Wishlist, 4, 1),
            (InteractionType.AddToCart, 3, 2),
            (InteractionType.RemoveFromCart, 3, 3));
        _fixture.Live.Cart(1, 42).Should().BeEmpty();
    }

    [Test]
    public async Task CartEventsCarryTheProductsUnitPriceFromTheCatalogue()
    {
        _fixture.Catalog.Replace(new Dictionary<int, ServableProduct>
        {
            [3] = new(3, true, false, true, true, null, null, false, false, [10], 0, 24.5m, CaptureFixture.Now.UtcDateTime)
        });
        var consumer = new ShoppingCartConsumer(_fixture.Capture, new CartMigrationTracker(), _fixture.Catalog, _fixture.Live, _fixture.WorkContext.Object);
        var known = new ShoppingCartItem { StoreId = 1, CustomerId = 42, ProductId = 3, Quantity = 2, ShoppingCartType = ShoppingCartType.ShoppingCart };
        var unknown = new ShoppingCartItem { StoreId = 1, CustomerId = 42, ProductId = 99, Quantity = 1, ShoppingCartType = ShoppingCartType.ShoppingCart };

        await consumer.HandleEventAsync(new EntityInsertedEvent<ShoppingCartItem>(known));
        await consumer.HandleEventAsync(new EntityInsertedEvent<ShoppingCartItem>(unknown));
        await consumer.HandleEventAsync(new EntityDeletedEvent<ShoppingCartItem>(known));

        _fixture.DrainEvents().Select(e => (e.ProductId, e.Value)).Should().Equal((3, 24.5m), (99, 0m), (3, 24.5m));
    }

    [Test]
    public async Task QuantityChangesAreRecordedAsTheirDifference()
    {
        var consumer = new ShoppingCartConsumer(_fixture.Capture, new CartMigrationTracker(), _fixture.Catalog, _fixture.Live, _fixture.WorkContext.Object);
        var line = new ShoppingCartItem { StoreId = 1, CustomerId = 42, ProductId = 3, Quantity = 2, ShoppingCartType = ShoppingCartType.ShoppingCart };
        await consumer.HandleEventAsync(new EntityInsertedEvent<ShoppingCartItem>(line));

        line.Quantity = 5;
        await consumer.HandleEventAsync(new EntityUpdatedEvent<ShoppingCartItem>(line));
        line.Quantity = 1;
        await consumer.HandleEventAsync(new EntityUpdatedEvent<ShoppingCartItem>(line));
        await consumer.HandleEventAsync(new EntityUpdatedEvent<ShoppingCartItem>(line));

        _fixture.DrainEvents().Select(e => ((InteractionType)e.EventType, e.Quantity)).Should().Equal(
            (InteractionType.AddToCart, 2), (InteractionType.AddToCart, 3), (InteractionType.RemoveFromCart, 4));
        _fixture.Live.Cart(1, 42).Should().Equal(3);
        _fixture.Live.CartQuantity(1, 42, 3).Should().Be(1);
    }

    [Test]
    public async Task AnotherPersonsCartIsNotTheShoppersBehaviour()
    {
        var consumer = new ShoppingCartConsumer(_fixture.Capture, new CartMigrationTracker(), _fixture.Catalog, _fixture.Live, _fixture.WorkContext.Object);

        await consumer.HandleEventAsync(new EntityInsertedEvent<ShoppingCartItem>(new ShoppingCartItem { StoreId = 1, CustomerId = 99, ProductId = 3, ShoppingCartType = ShoppingCartType.ShoppingCart }));

        _fixture.Drain().Should().BeEmpty();
    }

    [Test]
    public async Task LoggingInMovesTheGuestCartWithoutRecordingRemovals()
    {
        //nopCommerce's login: the guest's lines are copied to the account while the guest is still current, then deleted
        var guest = new Customer { Id = 7 };
        _fixture.Customer = guest;
        var tracker = new CartMigrationTracker();
        var consumer = new ShoppingCartConsumer(_fixture.Capture, tracker, _fixture.Catalog, _fixture.Live, _fixture.WorkContext.Object);
        var guestLine = new ShoppingCartItem { StoreId = 1, CustomerId = 7, ProductId = 3, Quantity = 1, ShoppingCartType = ShoppingCartType.ShoppingCart };
        await consumer.HandleEventAsync(new EntityInsertedEvent<ShoppingCartItem>(guestLine));
        _fixture.Drain();

        await consumer.HandleEventAsync(new EntityInsertedEvent<ShoppingCartItem>(new ShoppingCartItem { StoreId = 1, CustomerId = 42, ProductId = 3, Quantity = 1, ShoppingCartType = ShoppingCartType.ShoppingCart }));
        await consumer.HandleEventAsync(new EntityDeletedEvent<ShoppingCartItem>(guestLine));

        _fixture.Drain().Should().BeEmpty();
        _fixture.Live.Cart(1, 7).Should().Equal(3);
    }

    [Test]
    public async Task ClearingTheCartAfterCheckoutEmptiesOnlyTheLiveCart()
    {
        var consumer = new ShoppingCartConsumer(_fixture.Capture, new CartMigrationTracker(), _fixture.Catalog, _fixture.Live, _fixture.WorkContext.Object);
        var item = new ShoppingCartItem { StoreId = 1, CustomerId = 42, ProductId = 3, Quantity = 1, ShoppingCartType = ShoppingCartType.ShoppingCart };
        await consumer.HandleEventAsync(new EntityInsertedEvent<ShoppingCartItem>(item));
        _fixture.Drain();

        await consumer.HandleEventAsync(new ClearShoppingCartEvent([item]));

        _fixture.Live.Cart(1, 42).Should().BeEmpty();
        _fixture.Drain().Should().BeEmpty();
    }

    [Test]
    public async Task EachOrderLineIsAPurchaseWithItsPrice()
    {
        var consumer = OrderConsumer(new InMemoryRepository<OrderItem>(), new Mock<ICustomerService>());
        var cartItem = new ShoppingCartItem { StoreId = 2, CustomerId = 42, ProductId = 3 };
        var orderItem = new OrderItem { OrderId = 77, ProductId = 3, Quantity = 2, UnitPriceExclTax = 12.5m };

        await consumer.HandleEventAsync(new ShoppingCartItemMovedToOrderItemEvent(cartItem, orderItem));

        var captured = _fixture.DrainEvents().Single();
        ((InteractionType)captured.EventType, captured.StoreId, captured.ProductId, captured.Quantity, captured.Value, captured.OrderId)
            .Should().Be((InteractionType.Purchase, 2, 3, 2, 12.5m, 77));
    }

    [Test]
    public async Task AnOrderPlacedWithoutACartIsCapturedOnceForItsOwnCustomer()
    {
        //the next payment of a recurring order, processed by an administrator
        _fixture.Customer = new Customer { Id = 1 };
        var buyer = new Customer { Id = 42 };
        var customers = new Mock<ICustomerService>();
        customers.Setup(c => c.GetCustomerByIdAsync(42)).ReturnsAsync(buyer);
        var lines = new InMemoryRepository<OrderItem>();
        lines.Rows.AddRange(
        [
            new OrderItem { Id = 1, OrderId = 90, ProductId = 3, Quantity = 2, UnitPriceExclTax = 12.5m },
            new OrderItem { Id = 2, OrderId = 89, ProductId = 4, Quantity = 1, UnitPriceExclTax = 3m },
            new OrderItem { Id = 3, OrderId = 90, ProductId = 5, Quantity = 1, UnitPriceExclTax = 7m }
        ]);

        await OrderConsumer(lines, customers).HandleEventAsync(new OrderPlacedEvent(new Order { Id = 90, CustomerId = 42, StoreId = 2 }));

        _fixture.DrainEvents().Select(e => ((InteractionType)e.EventType, e.CustomerId, e.StoreId, e.ProductId, e.Quantity, e.Value, e.OrderId))
            .Should().Equal((InteractionType.Purchase, 42, 2, 3, 2, 12.5m, 90), (InteractionType.Purchase, 42, 2, 5, 1, 7m, 90));
        _fixture.Live.Recent(2, 42).Should().HaveCount(2);
    }

    [Test]
    public async Task ACheckoutOrderIsCapturedFromItsCartLinesOnly()
    {
        var lines = new InMemoryRepository<OrderItem>();
        var orderItem = new OrderItem { Id = 1, OrderId = 77, ProductId = 3, Quantity = 2, UnitPriceExclTax = 12.5m };
        lines.Rows.Add(orderItem);
        var consumer = OrderConsumer(lines, new Mock<ICustomerService>());

        await consumer.HandleEventAsync(new ShoppingCartItemMovedToOrderItemEvent(new ShoppingCartItem { StoreId = 2, CustomerId = 42, ProductId = 3 }, orderItem));
        await consumer.HandleEventAsync(new OrderPlacedEvent(new Order { Id = 77, CustomerId = 42, StoreId = 2 }));

        _fixture.DrainEvents().Should().ContainSingle().Which.OrderId.Should().Be(77);
        lines.Mock.Verify(r => r.GetAllAsync(It.IsAny<Func<IQueryable<OrderItem>, IQueryable<OrderItem>>>(), It.IsAny<Func<ICacheKeyService, CacheKey>>(), It.IsAny<bool>()),
            Times.Never);
    }

    [Test]
    public async Task AnOrderIsNotReadWhileThePluginIsDisabled()
    {
        _fixture.Settings.Enabled = false;
        var customers = new Mock<ICustomerService>();
        var lines = new InMemoryRepository<OrderItem>();

        await OrderConsumer(lines, customers).HandleEventAsync(new OrderPlacedEvent(new Order { Id = 90, CustomerId = 42, StoreId = 2 }));

        customers.VerifyNoOtherCalls();
        lines.Mock.VerifyNoOtherCalls();
        _fixture.Drain().Should().BeEmpty();
    }

    [Test]
    public async Task LoggingInFromAGuestSessionMergesTheGuest()
    {
        var consumer = new CustomerConsumer(_fixture.Capture, _fixture.StoreContext.Object);

        await consumer.HandleEventAsync(new CustomerLoggedinEvent(_fixture.Customer, new Customer { Id = 7 }));
        await consumer.HandleEventAsync(new CustomerLoggedinEvent(_fixture.Customer));

        var merge = _fixture.Drain().Single();
        (merge.MergeFromCustomerId, merge.MergeToCustomerId).Should().Be((7, 42));
    }

    private OrderConsumer OrderConsumer(InMemoryRepository<OrderItem> lines, Mock<ICustomerService> customers) =>
        new(_fixture.Capture, new CartOrderTracker(), new OrderLineCapture(_fixture.Capture, customers.Object, lines.Object), _fixture.Settings,
            _fixture.WorkContext.Object);
}
