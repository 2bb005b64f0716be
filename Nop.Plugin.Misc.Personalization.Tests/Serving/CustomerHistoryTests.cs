using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;

namespace Nop.Plugin.Misc.Personalization.Tests.Serving;

[TestFixture]
public class CustomerHistoryTests
{
    private static readonly DateTime _now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void AMissServesLiveActivityAndAsksForTheStoredHistoryOnce()
    {
        var live = new LiveActivity(new FakeTimeProvider());
        live.Record(new Interaction(1, 5, 3, InteractionType.View, _now));
        var history = new CustomerHistory(live);

        history.Get(1, 5).Select(e => e.ProductId).Should().Equal(3);
        history.Get(1, 5);

        history.TryTakeLoadRequest(out var request).Should().BeTrue();
        request.Should().Be((1, 5));
        history.TryTakeLoadRequest(out _).Should().BeFalse("one request per customer until it is served");
    }

    [Test]
    public void StoredAndLiveMergeWithoutCountingAWrittenEventTwice()
    {
        var live = new LiveActivity(new FakeTimeProvider());
        var viewed = new Interaction(1, 5, 3, InteractionType.View, _now.AddTicks(1234));
        live.Record(viewed);
        live.Record(new Interaction(1, 5, 4, InteractionType.View, _now.AddMinutes(1)));
        var history = new CustomerHistory(live);

        //the database kept the first view with less precision
        history.Store(1, 5, [new Interaction(1, 5, 9, InteractionType.Purchase, _now.AddDays(-3), 1, 10, 1), viewed with { TimeUtc = _now }]);

        history.Get(1, 5).Select(e => e.ProductId).Should().Equal(9, 3, 4);
    }

    [Test]
    public void AFailedLoadIsAskedForAgain()
    {
        var history = new CustomerHistory(new LiveActivity(new FakeTimeProvider()));
        history.Get(1, 5);
        history.TryTakeLoadRequest(out _);

        history.LoadFailed(1, 5);
        history.Get(1, 5);

        history.TryTakeLoadRequest(out var again).Should().BeTrue();
        again.Should().Be((1, 5));
    }
}
