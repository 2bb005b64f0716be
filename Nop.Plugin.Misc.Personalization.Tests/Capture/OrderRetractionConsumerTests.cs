using Moq;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.Personalization.Consumers;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Tests.Admin;
using Nop.Services.Customers;

namespace Nop.Plugin.Misc.Personalization.Tests.Capture;

[TestFixture]
public class OrderRetractionConsumerTests
{
    private CaptureFixture _fixture;
    private OrderRetractionConsumer _consumer;

    [SetUp]
    public void SetUp()
    {
        _fixture = new CaptureFixture();
        var customers = new Mock<ICustomerService>();
        customers.Setup(c => c.GetCustomerByIdAsync(42)).ReturnsAsync(new Customer { Id = 42 });
        var lines = new InMemoryRepository<OrderItem>();
        lines.Rows.Add(new OrderItem { Id = 1, OrderId = 90, ProductId = 3, Quantity = 2, UnitPriceExclTax = 12.5m });
        _consumer = new OrderRetractionConsumer(new OrderLineCapture(_fixture.Capture, customers.Object, lines.Object), _fixture.Settings, _fixture.Sink);
    }

    [Test]
    public async Task ACancelledOrderIsRetracted()
    {
        await _consumer.HandleEventAsync(new OrderStatusChangedEvent(Order(OrderStatus.Cancelled), OrderStatus.Processing));

        _fixture.Drain().Should().ContainSingle().Which.RetractOrderId.Should().Be(90);
    }

    [Test]
    public async Task OtherStatusChangesRetractNothing()
    {
        await _consumer.HandleEventAsync(new OrderStatusChangedEvent(Order(OrderStatus.Complete), OrderStatus.Processing));
        await _consumer.HandleEventAsync(new OrderStatusChangedEvent(Order(OrderStatus.Processing), OrderStatus.Pending));

        _fixture.Drain().Should().BeEmpty();
    }

    [Test]
    public async Task AFullRefundRetractsAndAPartialOneDoesNot()
    {
        await _consumer.HandleEventAsync(new OrderRefundedEvent(Order(OrderStatus.Complete, PaymentStatus.PartiallyRefunded), 5m));
        _fixture.Drain().Should().BeEmpty("a partial refund leaves the order a purchase");

        await _consumer.HandleEventAsync(new OrderRefundedEvent(Order(OrderStatus.Complete, PaymentStatus.Refunded), 30m));
        _fixture.Drain().Should().ContainSingle().Which.IsRetraction.Should().BeTrue();
    }

    [Test]
    public async Task AVoidedOrderIsRetracted()
    {
        await _consumer.HandleEventAsync(new OrderVoidedEvent(Order(OrderStatus.Pending, PaymentStatus.Voided)));

        _fixture.Drain().Should().ContainSingle().Which.RetractOrderId.Should().Be(90);
    }

    [Test]
    public async Task AnOrderTakenBackOutOfCancelledCountsAgainForItsOwnCustomer()
    {
        await _consumer.HandleEventAsync(new OrderStatusChangedEvent(Order(OrderStatus.Pending), OrderStatus.Cancelled));

        var purchase = _fixture.DrainEvents().Should().ContainSingle().Subject;
        (purchase.EventType, purchase.CustomerId, purchase.ProductId, purchase.Quantity, purchase.OrderId, purchase.StoreId).Should().Be(
            ((int)InteractionType.Purchase, 42, 3, 2, 90, 2));
    }

    [Test]
    public async Task AnOrderTakenOutOfCancelledButRefundedStaysRetracted()
    {
        await _consumer.HandleEventAsync(new OrderStatusChangedEvent(Order(OrderStatus.Complete, PaymentStatus.Refunded), OrderStatus.Cancelled));

        _fixture.Drain().Should().BeEmpty();
    }

    private static Order Order(OrderStatus status, PaymentStatus payment = PaymentStatus.Paid) =>
        new() { Id = 90, CustomerId = 42, StoreId = 2, OrderStatusId = (int)status, PaymentStatusId = (int)payment };
}
