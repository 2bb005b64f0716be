using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Misc.Personalization.Engine.Progress;
using Nop.Plugin.Misc.Personalization.Services.Progress;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Progress;

[TestFixture]
public class LongWorkBoardTests
{
    private static readonly DateTimeOffset _now = new(2026, 12, 6, 20, 0, 0, TimeSpan.Zero);

    [Test]
    public void AStartWhileARunIsGoingOnContinuesItAndAStartAfterAnOutcomeBeginsAgain()
    {
        var clock = new FakeTimeProvider(_now);
        var board = new LongWorkBoard(clock);
        board.Get(LongWork.Backfill).State.Should().Be(WorkState.NotStarted);

        board.Start(LongWork.Backfill, 0, 100, "Orders");
        clock.Advance(TimeSpan.FromMinutes(1));
        board.Start(LongWork.Backfill, 40, 100, "Orders");
        (board.Get(LongWork.Backfill).StartedOnUtc, board.Get(LongWork.Backfill).Done).Should().Be((_now.UtcDateTime, 40L));

        board.Finish(LongWork.Backfill, true, "Done.Key");
        clock.Advance(TimeSpan.FromMinutes(1));
        board.Start(LongWork.Backfill, 0, 50, "Orders");
        var fresh = board.Get(LongWork.Backfill);
        (fresh.State, fresh.StartedOnUtc, fresh.Total, fresh.OutcomeKey).Should().Be((WorkState.Running, _now.UtcDateTime.AddMinutes(2), 50L, (string)null));
        board.Get(LongWork.Training).State.Should().Be(WorkState.NotStarted, "each kind of work has its own line");
    }
}
