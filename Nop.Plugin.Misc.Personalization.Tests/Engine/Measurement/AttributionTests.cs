using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Measurement;

[TestFixture]
public class AttributionTests
{
    private static readonly DateTime _t0 = new(2026, 5, 4, 12, 0, 0, DateTimeKind.Utc);

    private static readonly Func<int, bool> _nobodyHeldOut = _ => false;

    [Test]
    public void CountsImpressionsProductsShownClicksAndCtrPerPlacement()
    {
        var report = Attribution.Measure(
        [
            Impression(1, "7", 4, 0),
            Impression(2, "7", 6, 1),
            Impression(2, "9", 3, 1),
            Click(1, "7", 100, 2),
            Click(9, "9", 5, 3)
        ], _nobodyHeldOut);

        report.Placements.Select(p => p.Placement).Should().Equal("7", "9");
        var seven = report.Placements[0];
        seven.Impressions.Should().Be(2);
        seven.ProductsShown.Should().Be(10);
        seven.Clicks.Should().Be(1);
        seven.ClickThroughRate.Should().Be(0.5);
        report.Placements[1].ClickThroughRate.Should().Be(1d);
    }

    [Test]
    public void APurchaseWithinTheWindowAfterAClickIsAttributedToItsPlacement()
    {
        var report = Attribution.Measure(
        [
            Click(1, "7", 100, 0),
            Purchase(1, order: 50, product: 100, quantity: 2, price: 12.5m, minutes: 60),
            Purchase(1, order: 50, product: 101, quantity: 1, price: 3m, minutes: 60)
        ], _nobodyHeldOut);

        var seven = report.Placements.Single();
        seven.AttributedOrderLines.Should().Be(1);
        seven.AttributedOrders.Should().Be(1);
        seven.AttributedRevenue.Should().Be(25m);
    }

    [Test]
    public void AClickAfterThePurchaseDoesNotCount()
    {
        var report = Attribution.Measure(
        [
            Purchase(1, order: 50, product: 100, quantity: 1, price: 10m, minutes: 0),
            Click(1, "7", 100, 1)
        ], _nobodyHeldOut);

        report.Placements.Single().AttributedOrderLines.Should().Be(0);
    }

    [Test]
    public void AClickMoreThanTheWindowBeforeThePurchaseDoesNotCount()
    {
        var report = Attribution.Measure(
        [
            Click(1, "7", 100, 0),
            Purchase(1, order: 50, product: 100, quantity: 1, price: 10m, minutes: 24 * 60 + 1),
            Click(1, "8", 200, 0),
            Purchase(1, order: 51, product: 200, quantity: 1, price: 10m, minutes: 24 * 60)
        ], _nobodyHeldOut);

        report.Placements.Single(p => p.Placement == "7").AttributedOrderLines.Should().Be(0);
        report.Placements.Single(p => p.Placement == "8").AttributedOrderLines.Should().Be(1, "exactly 24 h is still inside");
    }

    [Test]
    public void TwoClicksCreditTheLatestPlacementBeforeThePurchase()
    {
        var report = Attribution.Measure(
        [
            Click(1, "7", 100, 0),
            Click(1, "8", 100, 30),
            Click(1, "9", 100, 90),
            Purchase(1, order: 50, product: 100, quantity: 1, price: 10m, minutes: 60)
        ], _nobodyHeldOut);

        report.Placements.Single(p => p.Placement == "8").AttributedOrderLines.Should().Be(1);
        report.Placements.Where(p => p.Placement != "8").Should().OnlyContain(p => p.AttributedOrderLines == 0);
    }

    [Test]
    public void OnlyTheSameCustomersClickOnTheSameProductCounts()
    {
        var report = Attribution.Measure(
        [
            Click(2, "7", 100, 0),
            Click(1, "7", 101, 0),
            Purchase(1, order: 50, product: 100, quantity: 1, price: 10m, minutes: 10)
        ], _nobodyHeldOut);

        report.Placements.Single().AttributedOrderLines.Should().Be(0);
    }

    [Test]
    public void AnOrderLineCapturedTwiceCountsOnceAndARepeatPurchaseIsItsOwnLine()
    {
        var report = Attribution.Measure(
        [
            Click(1, "7", 100, 0),
            Purchase(1, order: 50, product: 100, quantity: 1, price: 10m, minutes: 10),
            Purchase(1, order: 50, product: 100, quantity: 1, price: 10m, minutes: 10),
            Purchase(1, order: 51, product: 100, quantity: 3, price: 10m, minutes: 20)
        ], _nobodyHeldOut);

        var seven = report.Placements.Single();
        seven.AttributedOrderLines.Should().Be(2);
        seven.AttributedOrders.Should().Be(2);
        seven.AttributedRevenue.Should().Be(40m);
        report.Treated.Revenue.Should().Be(40m);
    }

    [Test]
    public void OrdersAreCountedOncePerPlacementEvenWithSeveralAttributedLines()
    {
        var report = Attribution.Measure(
        [
            Click(1, "7", 100, 0),
            Click(1, "7", 101, 0),
            Purchase(1, order: 50, product: 100, quantity: 1, price: 10m, minutes: 10),
            Purchase(1, order: 50, product: 101, quantity: 1, price: 5m, minutes: 10)
        ], _nobodyHeldOut);

        var seven = report.Placements.Single();
        seven.AttributedOrderLines.Should().Be(2);
        seven.AttributedOrders.Should().Be(1);
        seven.AttributedRevenue.Should().Be(15m);
    }

    [Test]
    public void EventsWithoutACustomerAreNotAttributed()
    {
        var report = Attribution.Measure(
        [
            Click(0, "7", 100, 0),
            Purchase(0, order: 50, product: 100, quantity: 1, price: 10m, minutes: 10)
        ], _nobodyHeldOut);

        report.Placements.Single().Clicks.Should().Be(1);
        report.Placements.Single().AttributedOrderLines.Should().Be(0);
        report.Treated.Customers.Should().Be(0);
    }

    [Test]
    public void LiftInputsSplitCustomersBuyersAndRevenueByGroup()
    {
        var heldOut = new HashSet<int> { 3, 4 };
        var report = Attribution.Measure(
        [
            View(1, 0),
            Impression(1, "7", 4, 0),
            Purchase(1, order: 50, product: 100, quantity: 2, price: 10m, minutes: 5),
            View(2, 0),
            Impression(5, "7", 4, 0),
            View(3, 0),
            Purchase(3, order: 51, product: 100, quantity: 1, price: 7m, minutes: 5),
            Purchase(3, order: 52, product: 101, quantity: 1, price: 3m, minutes: 6),
            View(4, 0)
        ], heldOut.Contains);

        report.Treated.Should().Be(new LiftGroup(2, 1, 20m), "customer 5 only saw an impression, which a held-out customer cannot produce");
        report.HeldOut.Should().Be(new LiftGroup(2, 1, 10m));
        report.Treated.ConversionRate.Should().Be(0.5);
        report.HeldOut.RevenuePerCustomer.Should().Be(5m);
    }

    [Test]
    public void AnEmptyPeriodGivesAnEmptyReport()
    {
        var report = Attribution.Measure([], _nobodyHeldOut);

        report.Placements.Should().BeEmpty();
        report.Treated.Should().Be(new LiftGroup(0, 0, 0m));
        report.Treated.ConversionRate.Should().Be(0d);
    }

    private static MeasurementEvent Impression(int customer, string placement, int shown, int minutes) =>
        new(customer, InteractionType.RecommendationImpression, 0, placement, 0, shown, 0m, _t0.AddMinutes(minutes));

    private static MeasurementEvent Click(int customer, string placement, int product, int minutes) =>
        new(customer, InteractionType.RecommendationClick, product, placement, 0, 1, 0m, _t0.AddMinutes(minutes));

    private static MeasurementEvent View(int customer, int minutes) =>
        new(customer, InteractionType.View, 100, null, 0, 1, 0m, _t0.AddMinutes(minutes));

    private static MeasurementEvent Purchase(int customer, int order, int product, int quantity, decimal price, int minutes) =>
        new(customer, InteractionType.Purchase, product, null, order, quantity, price, _t0.AddMinutes(minutes));
}
