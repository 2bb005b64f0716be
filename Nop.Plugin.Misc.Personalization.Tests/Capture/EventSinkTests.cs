using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Tests.Capture;

[TestFixture]
public class EventSinkTests
{
    [Test]
    public void AcceptsUpToCapacityThenDropsAndCounts()
    {
        var sink = new EventSink(3);

        var accepted = Enumerable.Range(1, 5).Select(i => sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent { ProductId = i }))).ToList();

        accepted.Should().Equal(true, true, true, false, false);
        sink.Counters.Accepted.Should().Be(3);
        sink.Counters.Dropped.Should().Be(2);
        sink.Reader.Count.Should().Be(3);
    }

    [Test]
    public void KeepsOrder()
    {
        var sink = new EventSink(10);
        sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent { ProductId = 1 }));
        sink.TryEnqueue(CaptureItem.Merge(7, 9));
        sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent { ProductId = 2 }));

        var read = new List<CaptureItem>();
        while (sink.Reader.TryRead(out var item))
            read.Add(item);

        read.Select(i => i.IsMerge ? "merge" : i.Event.ProductId.ToString()).Should().Equal("1", "merge", "2");
    }

    [Test]
    public void CapacityMustBePositive()
    {
        FluentActions.Invoking(() => new EventSink(0)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
