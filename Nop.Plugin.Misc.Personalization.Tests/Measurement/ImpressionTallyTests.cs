using Nop.Plugin.Misc.Personalization.Services.Measurement;

namespace Nop.Plugin.Misc.Personalization.Tests.Measurement;

[TestFixture]
public class ImpressionTallyTests
{
    private static readonly DateTime _today = new(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);

    [Test]
    public void RendersAreCountedPerStorePlacementAndDay()
    {
        var tally = new ImpressionTally();
        tally.Record(1, 7, 4, _today.AddHours(9));
        tally.Record(1, 7, 2, _today.AddHours(23));
        tally.Record(2, 7, 4, _today.AddHours(9));
        tally.Record(1, 8, 3, _today.AddDays(-1).AddHours(23));

        tally.Take(_today).OrderBy(d => d.Key.StoreId).ThenBy(d => d.Key.PlacementId).Should().Equal(
            new ImpressionDelta(new ImpressionKey(1, 7, _today), 2, 6),
            new ImpressionDelta(new ImpressionKey(1, 8, _today.AddDays(-1)), 1, 3),
            new ImpressionDelta(new ImpressionKey(2, 7, _today), 1, 4));
    }

    [Test]
    public void HiddenAndZoneRendersAreCountedBesideTheRendersThatShowedProducts()
    {
        var tally = new ImpressionTally();
        tally.RecordZone(1, 7, _today.AddHours(9));
        tally.RecordZone(1, 7, _today.AddHours(9));
        tally.RecordHidden(1, 7, _today.AddHours(9));
        tally.Record(1, 7, 4, _today.AddHours(10));

        var taken = tally.Take(_today);

        taken.Should().Equal(new ImpressionDelta(new ImpressionKey(1, 7, _today), 1, 4, HiddenRenders: 1, ZoneRenders: 2));
        tally.Return(taken);
        tally.Take(_today).Should().Equal(taken);
    }

    [Test]
    public void ATakeLeavesNothingBehindAndADayThatIsOverIsForgottenOnceQuiet()
    {
        var tally = new ImpressionTally();
        tally.Record(1, 7, 4, _today.AddDays(-1).AddHours(23));
        tally.Record(1, 7, 4, _today.AddHours(1));

        tally.Take(_today).Should().HaveCount(2);
        tally.KeyCount.Should().Be(2, "yesterday is kept until a take finds nothing new for it");

        tally.Take(_today).Should().BeEmpty();
        tally.KeyCount.Should().Be(1, "today stays; yesterday had nothing new and is gone");
    }

    [Test]
    public void ReturnedCountsAreTakenAgainWithWhatCameMeanwhile()
    {
        var tally = new ImpressionTally();
        tally.Record(1, 7, 4, _today);
        var failed = tally.Take(_today);
        tally.Record(1, 7, 2, _today);

        tally.Return(failed);

        tally.Take(_today).Should().Equal(new ImpressionDelta(new ImpressionKey(1, 7, _today), 2, 6));
    }

    [Test]
    public async Task NoRenderIsLostWhileOtherThreadsCountAndTake()
    {
        var tally = new ImpressionTally();
        const int threads = 4;
        const int perThread = 50_000;
        var taken = new List<ImpressionDelta>();
        using var done = new CancellationTokenSource();

        var taker = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
                taken.AddRange(tally.Take(_today));
        });
        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < perThread; i++)
                tally.Record(1, 7 + t % 2, 3, _today.AddSeconds(i));
        })));
        done.Cancel();
        await taker;
        taken.AddRange(tally.Take(_today));

        taken.Sum(d => d.Renders).Should().Be(threads * perThread);
        taken.Sum(d => d.ProductsShown).Should().Be(3L * threads * perThread);
    }
}
