using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Capture;

namespace Nop.Plugin.Misc.Personalization.Tests.Capture;

[TestFixture]
public class LiveActivityTests
{
    private static readonly DateTime _now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void KeepsTheLatestInteractionsPerCustomer()
    {
        var live = new LiveActivity(new FakeTimeProvider(), perCustomer: 3, maxCustomers: 100);

        for (var product = 1; product <= 5; product++)
            live.Record(View(customer: 1, product));

        live.Recent(1, 1).Select(i => i.ProductId).Should().Equal(3, 4, 5);
        live.Recent(2, 1).Should().BeEmpty("stores are kept apart");
    }

    [Test]
    public async Task ForgetsTheLeastRecentlyActiveShoppersBeyondTheLimit()
    {
        var time = new FakeTimeProvider();
        var live = new LiveActivity(time, perCustomer: 3, maxCustomers: 100);

        for (var customer = 1; customer <= 150; customer++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            live.Record(View(customer, 7));
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (live.Count > 100 && DateTime.UtcNow < deadline)
            await Task.Delay(10);

        live.Count.Should().BeLessThanOrEqualTo(100);
        live.Recent(1, 150).Should().NotBeEmpty("the most recent shopper is kept");
        live.Recent(1, 1).Should().BeEmpty("the least recent shopper is forgotten first");
    }

    [Test]
    public void CartFollowsAddsRemovalsAndPurchases()
    {
        var live = new LiveActivity(new FakeTimeProvider());

        live.Record(new Interaction(1, 5, 10, InteractionType.AddToCart, _now));
        live.Record(new Interaction(1, 5, 11, InteractionType.AddToCart, _now));
        live.Record(new Interaction(1, 5, 10, InteractionType.RemoveFromCart, _now));
        live.Record(new Interaction(1, 5, 12, InteractionType.AddToCart, _now));
        live.Record(new Interaction(1, 5, 12, InteractionType.Purchase, _now));

        live.Cart(1, 5).Should().Equal(11);
    }

    [Test]
    public void AnonymousInteractionsAreNotKept()
    {
        var live = new LiveActivity(new FakeTimeProvider());

        live.Record(View(customer: 0, product: 3));

        live.Count.Should().Be(0);
    }

    private static Interaction View(int customer, int product) => new(1, customer, product, InteractionType.View, _now);

    [Test]
    public void AGuestWhoLogsInBringsHistoryAndCartInEveryStoreToTheAccount()
    {
        var live = new LiveActivity(new FakeTimeProvider(), perCustomer: 10, maxCustomers: 100);
        live.Record(View(customer: 5, 1));
        live.Record(new Interaction(2, 5, 7, InteractionType.AddToCart, _now, 2, 0, 0));
        live.Record(View(customer: 6, 3));

        live.Move(5, 9);

        live.Recent(1, 9).Select(i => i.ProductId).Should().Equal(1);
        live.Cart(2, 9).Should().Equal(7);
        live.Recent(1, 5).Should().BeEmpty();
        live.Cart(2, 5).Should().BeEmpty();
        live.Recent(1, 6).Select(i => i.ProductId).Should().Equal([3], "other shoppers stay as they were");
        live.Count.Should().Be(3);
    }

    [Test]
    public void ForgettingACustomerRemovesThemFromEveryStoreAndNobodyElse()
    {
        var live = new LiveActivity(new FakeTimeProvider(), perCustomer: 10, maxCustomers: 100);
        live.Record(View(customer: 5, 1));
        live.Record(new Interaction(3, 5, 2, InteractionType.View, _now, 1, 0, 0));
        live.Record(View(customer: 6, 3));

        live.Forget(5);

        live.Recent(1, 5).Should().BeEmpty();
        live.Recent(3, 5).Should().BeEmpty();
        live.Recent(1, 6).Should().ContainSingle();
        live.Count.Should().Be(1);
    }
}
