using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Messaging;

[TestFixture]
public class EmailAttributionTests
{
    private static readonly DateTime _t0 = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    private static MeasurementEvent Click(int customer, EmailKind kind, double hours) =>
        new(customer, InteractionType.EmailClick, 0, EmailClickPlacement.For(kind), 0, 1, 0m, _t0.AddHours(hours));

    private static MeasurementEvent Line(int customer, int order, int product, double hours, int quantity = 1, decimal price = 10m) =>
        new(customer, InteractionType.Purchase, product, null, order, quantity, price, _t0.AddHours(hours));

    [Test]
    public void EveryLineOfAnOrderWithin24HoursOfAClickCountsForThatEmail()
    {
        var report = EmailAttribution.Measure([Click(1, EmailKind.AbandonedCart, 0), Line(1, 100, 10, 2, quantity: 2), Line(1, 100, 11, 2), Line(1, 101, 10, 25)]);

        report[EmailKind.AbandonedCart].Should().Be(new EmailKindPerformance(1, 1, 30m));
    }

    [Test]
    public void TheLatestClickBeforeTheOrderWinsAndOrdersBeforeAnyClickDoNotCount()
    {
        var report = EmailAttribution.Measure([
            Line(1, 99, 10, -1),
            Click(1, EmailKind.Replenishment, 0),
            Click(1, EmailKind.AbandonedCart, 1),
            Line(1, 100, 10, 2),
            Line(2, 200, 10, 2)
        ]);

        report[EmailKind.AbandonedCart].Should().Be(new EmailKindPerformance(1, 1, 10m));
        report[EmailKind.Replenishment].Should().Be(new EmailKindPerformance(1, 0, 0m));
    }

    [Test]
    public void AnonymousEventsAndForeignPlacementsAreIgnored()
    {
        var report = EmailAttribution.Measure([
            Click(0, EmailKind.AbandonedCart, 0),
            new MeasurementEvent(1, InteractionType.EmailClick, 0, "home_page_top", 0, 1, 0m, _t0),
            Line(1, 100, 10, 1)
        ]);

        report.Should().BeEmpty();
    }

    [Test]
    public void APlacementNamesItsKindAndNothingElseParses()
    {
        EmailClickPlacement.Parse(EmailClickPlacement.For(EmailKind.AbandonedCart)).Should().Be(EmailKind.AbandonedCart);
        EmailClickPlacement.Parse("email:99").Should().BeNull();
        EmailClickPlacement.Parse("email:-2").Should().BeNull();
        EmailClickPlacement.Parse("recommendation").Should().BeNull();
        EmailClickPlacement.Parse(null).Should().BeNull();
    }
}
