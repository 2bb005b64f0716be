using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Messaging;

[TestFixture]
public class EmailAttributionTests
{
    private static readonly DateTime _t0 = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    private static MeasurementEvent Sent(EmailKind kind, int hour = 0) =>
        new(0, InteractionType.EmailSent, 0, EmailPlacement.Sent(kind), 0, 0, 0m, _t0.AddHours(hour));

    private static MeasurementEvent Open(EmailKind kind, int emailId, int customerId = 0, int hour = 1) =>
        new(customerId, InteractionType.EmailOpen, 0, EmailPlacement.Of(kind, emailId), 0, 1, 0m, _t0.AddHours(hour));

    private static MeasurementEvent Click(EmailKind kind, int emailId, int customerId, double hour, int productId = 5) =>
        new(customerId, InteractionType.EmailClick, productId, EmailPlacement.Of(kind, emailId), 0, 1, 0m, _t0.AddHours(hour));

    private static MeasurementEvent Line(int customerId, int orderId, int productId, double hour, decimal price, int quantity = 1) =>
        new(customerId, InteractionType.Purchase, productId, null, orderId, quantity, price, _t0.AddHours(hour));

    [Test]
    public void SendsOpensAndClicksAreCountedPerKindWithRepeatsCountedOnce()
    {
        var report = EmailAttribution.Measure(
        [
            Sent(EmailKind.Replenishment), Sent(EmailKind.Replenishment), Sent(EmailKind.Replenishment), Sent(EmailKind.ShopMessage),
            Open(EmailKind.Replenishment, 1), Open(EmailKind.Replenishment, 1), Open(EmailKind.Replenishment, 2),
            //clicked without loading images: an open too
            Click(EmailKind.Replenishment, 3, 0, 2), Click(EmailKind.Replenishment, 3, 0, 3),
            Open(EmailKind.ShopMessage, 77)
        ]);

        report.Should().Equal(
            new EmailKindPerformance(EmailKind.Replenishment, 3, 3, 1, 2, 0, 0m),
            new EmailKindPerformance(EmailKind.ShopMessage, 1, 1, 0, 0, 0, 0m));
        report[0].OpenRate.Should().Be(1d);
        report[0].ClickRate.Should().BeApproximately(1d / 3, 1e-12);
    }

    [Test]
    public void AnOrderWithinTheWindowAfterAClickBelongsToTheLatestClickedKind()
    {
        var report = EmailAttribution.Measure(
        [
            Sent(EmailKind.Replenishment), Sent(EmailKind.AbandonedCart),
            Click(EmailKind.Replenishment, 1, customerId: 9, hour: 1),
            Click(EmailKind.AbandonedCart, 2, customerId: 9, hour: 3, productId: 0),
            //two lines of one order, any product: the cart link led to no product
            Line(9, orderId: 100, productId: 5, hour: 4, price: 10m, quantity: 2),
            Line(9, orderId: 100, productId: 6, hour: 4, price: 1.5m),
            //the same line captured twice counts once
            Line(9, orderId: 100, productId: 6, hour: 4.5, price: 1.5m),
            //26 hours after the last click: nobody's
            Line(9, orderId: 101, productId: 5, hour: 29, price: 50m),
            //another customer never clicked
            Line(10, orderId: 102, productId: 5, hour: 4, price: 80m)
        ]);

        report.Should().Equal(
            new EmailKindPerformance(EmailKind.Replenishment, 1, 1, 1, 1, 0, 0m),
            new EmailKindPerformance(EmailKind.AbandonedCart, 1, 1, 1, 1, 1, 21.5m));
    }

    [Test]
    public void AClickAfterTheOrderOrWithoutACustomerEarnsNothing()
    {
        var report = EmailAttribution.Measure(
        [
            Line(9, orderId: 100, productId: 5, hour: 1, price: 10m),
            Click(EmailKind.Replenishment, 1, customerId: 9, hour: 2),
            Click(EmailKind.Replenishment, 2, customerId: 0, hour: 3),
            Line(0, orderId: 101, productId: 5, hour: 4, price: 10m)
        ]);

        report.Should().ContainSingle().Which.Should().Be(new EmailKindPerformance(EmailKind.Replenishment, 0, 2, 2, 2, 0, 0m));
        report[0].OpenRate.Should().Be(0d, "nothing sent in the period, so no rate");
    }

    [Test]
    public void WidgetEventsAndForeignPlacementsAreIgnored()
    {
        EmailAttribution.Measure(
        [
            new MeasurementEvent(9, InteractionType.RecommendationClick, 5, "7", 0, 1, 0m, _t0),
            new MeasurementEvent(9, InteractionType.EmailClick, 5, "7", 0, 1, 0m, _t0),
            Line(9, orderId: 100, productId: 5, hour: 1, price: 10m)
        ]).Should().BeEmpty();
    }
}
