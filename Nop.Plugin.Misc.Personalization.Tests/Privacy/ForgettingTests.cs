using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Plugin.Misc.Personalization.Services.Targeting;

namespace Nop.Plugin.Misc.Personalization.Tests.Privacy;

/// <summary>
/// Each in-memory copy drops an erased customer in every store and keeps everyone else.
/// </summary>
[TestFixture]
public class ForgettingTests
{
    private static readonly DateTime _now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [Test]
    public void LiveActivityForgetsTheCustomersRecentActivityAndCartInEveryStore()
    {
        var live = new LiveActivity(new FakeTimeProvider());
        foreach (var store in new[] { 1, 2 })
        foreach (var customer in new[] { 5, 6 })
            live.Record(new Interaction(store, customer, 3, InteractionType.AddToCart, _now));

        live.Forget(5);

        live.Recent(1, 5).Should().BeEmpty();
        live.Recent(2, 5).Should().BeEmpty();
        live.Cart(1, 5).Should().BeEmpty();
        live.Recent(1, 6).Should().ContainSingle();
        live.Cart(2, 6).Should().Equal(3);
        live.Count.Should().Be(2, "the forgotten entries no longer count against the limit");
    }

    [Test]
    public void CustomerHistoryForgetsTheStoredHistoryAndAPendingLoadRequest()
    {
        var live = new LiveActivity(new FakeTimeProvider());
        var history = new CustomerHistory(live);
        history.Store(1, 5, [new Interaction(1, 5, 3, InteractionType.Purchase, _now)]);
        history.Store(2, 5, [new Interaction(2, 5, 4, InteractionType.Purchase, _now)]);
        history.Store(1, 6, [new Interaction(1, 6, 4, InteractionType.Purchase, _now)]);
        history.Get(3, 5);

        history.Forget(5);

        history.Get(1, 6).Should().ContainSingle();
        history.Get(1, 5).Should().BeEmpty("the stored history is gone");
        history.Get(2, 5).Should().BeEmpty();
        var requests = new List<(int, int)>();
        while (history.TryTakeLoadRequest(out var request))
            requests.Add(request);
        requests.Should().Contain((1, 5), "a later visit asks for the (now empty) stored history again");
    }

    [Test]
    public void SegmentMembershipForgetsTheCustomerInEveryStoreAndInTheNextSetSwappedIn()
    {
        var membership = new SegmentMembership();
        membership.Replace(Set((1, 5, "3,7"), (2, 5, "3"), (1, 6, "3,7")));

        membership.Forget([5]);

        membership.SegmentsOf(1, 5).Should().BeEmpty();
        membership.SegmentsOf(2, 5).Should().BeEmpty();
        membership.IsMember(1, 6, 7).Should().BeTrue();
        membership.Customers.Should().Be(1);

        //read before the customer's profiles were deleted, swapped in after
        membership.Replace(Set((1, 5, "3,7"), (1, 6, "3")));
        membership.SegmentsOf(1, 5).Should().BeEmpty("a set read before the erasure does not bring the customer back");
        membership.IsMember(1, 6, 3).Should().BeTrue();

        membership.Replace(Set((1, 5, "3")));
        membership.IsMember(1, 5, 3).Should().BeTrue("a later read comes from the database, where a new profile means new data");
    }

    [Test]
    public void ForgettingBeforeTheFirstLoadLeavesTheMembershipUnloaded()
    {
        var membership = new SegmentMembership();

        membership.Forget([5]);

        membership.IsLoaded.Should().BeFalse();
        membership.Replace(Set((1, 5, "3"), (1, 6, "3")));
        membership.IsMember(1, 5, 3).Should().BeFalse();
        membership.IsMember(1, 6, 3).Should().BeTrue();
    }

    [Test]
    public void ASetWithoutCustomersItDoesNotHoldIsTheSameSet()
    {
        var set = Set((1, 6, "3"));

        set.Without([5]).Should().BeSameAs(set);
        set.Without([6]).Customers.Should().Be(0);
    }

    [Test]
    public void ErasedCustomersCoverWhatTheCustomerDidUpToTheErasureUntilPruned()
    {
        var erased = new ErasedCustomers();
        erased.Add(5, _now);

        erased.Covers(5, _now.AddSeconds(-1)).Should().BeTrue();
        erased.Covers(5, _now).Should().BeTrue();
        erased.Covers(5, _now.AddSeconds(1)).Should().BeFalse("the shopper may go on after erasing their data");
        erased.Covers(6, _now.AddSeconds(-1)).Should().BeFalse();

        erased.Add(5, _now.AddMinutes(-5));
        erased.Covers(5, _now).Should().BeTrue("the later erasure counts");

        erased.Prune(_now.AddSeconds(1));
        erased.Covers(5, _now.AddSeconds(-1)).Should().BeFalse();
        erased.Count.Should().Be(0);
    }

    [Test]
    public void EvictionForgetsTheCustomerEverywhereOnThisNode()
    {
        var live = new LiveActivity(new FakeTimeProvider());
        var history = new CustomerHistory(live);
        var membership = new SegmentMembership();
        var erased = new ErasedCustomers();
        live.Record(new Interaction(1, 5, 3, InteractionType.View, _now));
        history.Store(1, 5, [new Interaction(1, 5, 4, InteractionType.Purchase, _now)]);
        membership.Replace(Set((1, 5, "3")));

        new CustomerEviction(history, erased, live, membership).Evict([(5, _now)]);

        history.Get(1, 5).Should().BeEmpty();
        membership.SegmentsOf(1, 5).Should().BeEmpty();
        erased.Covers(5, _now).Should().BeTrue();
    }

    private static SegmentMembershipSet Set(params (int StoreId, int CustomerId, string SegmentIds)[] rows)
    {
        var builder = new SegmentMembershipBuilder();
        foreach (var (storeId, customerId, segmentIds) in rows)
            builder.Add(storeId, customerId, segmentIds);
        return builder.Build();
    }
}
