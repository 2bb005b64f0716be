using Nop.Plugin.Misc.Personalization.Engine.Progress;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Progress;

[TestFixture]
public class ProgressEstimateTests
{
    [Test]
    public void TheRestTakesAsLongAsThePaceSoFarSays()
    {
        //250 of 1,000 in 10 s: 750 left at 25 per second
        ProgressEstimate.Of(250, 1_000, TimeSpan.FromSeconds(10)).Should().Be(new ProgressEstimate(25, TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void WorkDoneBeforeThisRunDoesNotCountForThePace()
    {
        //a resumed backfill: 900 of 1,000 were done before; this run did 50 in 10 s, so 50 more take 10 s
        ProgressEstimate.Of(950, 1_000, TimeSpan.FromSeconds(10), doneAtStart: 900).Should().Be(new ProgressEstimate(95, TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void ThereIsNoEstimateBeforeAnythingIsDoneOrWithoutATotal()
    {
        ProgressEstimate.Of(0, 1_000, TimeSpan.FromSeconds(10)).Should().Be(new ProgressEstimate(0, null));
        ProgressEstimate.Of(900, 1_000, TimeSpan.FromSeconds(10), doneAtStart: 900).Should().Be(new ProgressEstimate(90, null));
        ProgressEstimate.Of(5, 0, TimeSpan.FromSeconds(10)).Should().Be(new ProgressEstimate(0, null));
    }

    [Test]
    public void PercentRoundsDownSoOnlyFinishedWorkShowsAHundred()
    {
        ProgressEstimate.Of(999, 1_000, TimeSpan.FromSeconds(1)).Percent.Should().Be(99);
        ProgressEstimate.Of(1_000, 1_000, TimeSpan.FromSeconds(1)).Should().Be(new ProgressEstimate(100, TimeSpan.Zero));
        ProgressEstimate.Of(1_500, 1_000, TimeSpan.FromSeconds(1)).Percent.Should().Be(100, "more than the total (orders added meanwhile) is clamped");
    }

    [Test]
    public void AFinishedRunKeepsItsDurationAndAFreshStartForgetsTheLastOutcome()
    {
        var start = new DateTime(2026, 12, 6, 20, 0, 0, DateTimeKind.Utc);
        var run = WorkProgress.Start(0, 6, "ReadCatalog", start).Step(3, 6, "Train");
        run.Estimate(start.AddSeconds(30)).Should().Be(new ProgressEstimate(50, TimeSpan.FromSeconds(30)));

        var finished = run.Finish(true, start.AddSeconds(40), "Outcome.Key", "12", "3");
        (finished.State, finished.Done, finished.Stage, finished.Elapsed(start.AddHours(1))).Should().Be((WorkState.Succeeded, 6L, (string)null, TimeSpan.FromSeconds(40)));
        finished.OutcomeArguments.Should().Equal("12", "3");

        var failed = run.Finish(false, start.AddSeconds(40), "Failed.Key");
        (failed.State, failed.Done).Should().Be((WorkState.Failed, 3L), "a failed run shows how far it got");
    }
}
