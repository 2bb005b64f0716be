using Microsoft.Extensions.Time.Testing;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Locking;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Locking;

/// <summary>
/// The farm lock against PostgreSQL, with each web-farm node played by a lock over a repository of its own: only the
/// database is shared, as between the nodes of a shop.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class FarmLockDatabaseTests : MigratedDatabaseTest
{
    private const string NAME = "Nop.Plugin.Misc.Personalization.Training";
    private const int RACES = 40;

    private static readonly DateTimeOffset _now = new(2026, 12, 6, 16, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan _expiry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(10);

    public FarmLockDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [SetUp]
    public async Task ClearAsync()
    {
        await Repository<PersonalizationLock>().TruncateAsync();
    }

    [TestCase(false, TestName = "OfTwoNodesRacingForAFreeLockExactlyOneRuns")]
    [TestCase(true, TestName = "OfTwoNodesRacingForALockADeadNodeLeftExactlyOneRuns")]
    public async Task OfTwoNodesRacingExactlyOneRuns(bool expiredRowLeftBehind)
    {
        var nodes = new[] { Node(TimeProvider.System), Node(TimeProvider.System) };
        var outcomes = new List<string>();

        for (var race = 0; race < RACES; race++)
        {
            if (expiredRowLeftBehind)
                await InsertRowAsync("dead-node/0", DateTime.UtcNow.AddMinutes(-1));

            var runs = 0;
            var attemptsOver = new[] { NewSignal(), NewSignal() };
            using var barrier = new Barrier(nodes.Length);
            var contenders = Enumerable.Range(0, nodes.Length).Select(node => Task.Run(async () =>
            {
                barrier.SignalAndWait(_patience).Should().BeTrue();
                try
                {
                    return await nodes[node].TryRunAsync(NAME, _expiry, async _ =>
                    {
                        Interlocked.Increment(ref runs);
                        //hold the lock until the other node's attempt is over, so it cannot get in after a release;
                        //when both got in, neither attempt ends and the wait runs out
                        try
                        {
                            await attemptsOver[1 - node].Task.WaitAsync(TimeSpan.FromSeconds(2));
                        }
                        catch (TimeoutException)
                        {
                            //counted as two runs
                        }
                    });
                }
                finally
                {
                    attemptsOver[node].TrySetResult();
                }
            })).ToList();

            var ran = await Task.WhenAll(contenders);

            outcomes.Add($"race {race}: {runs} run(s), {ran.Count(took => took)} took the lock, {(await RowsAsync()).Count} row(s) left");
        }

        outcomes.Should().OnlyContain(outcome => outcome.EndsWith(": 1 run(s), 1 took the lock, 0 row(s) left"));
    }

    [Test]
    public async Task AnExpiredLockIsTakenOver()
    {
        var clock = new FakeTimeProvider(_now);
        await InsertRowAsync("dead-node/0", _now.UtcDateTime.AddSeconds(-1));
        var ran = false;

        var took = await Node(clock).TryRunAsync(NAME, _expiry, _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        (took, ran).Should().Be((true, true));
        (await RowsAsync()).Should().BeEmpty("the new holder gave its row back and the dead node's row is gone");
    }

    [Test]
    public async Task AnUnexpiredLockIsNotTakenOver()
    {
        var clock = new FakeTimeProvider(_now);
        var held = await InsertRowAsync("node-b/7", _now.UtcDateTime.AddSeconds(1));
        var ran = false;

        var took = await Node(clock).TryRunAsync(NAME, _expiry, _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        (took, ran).Should().Be((false, false));
        (await RowsAsync()).Should().ContainSingle().Which.Should().BeEquivalentTo(held);
    }

    [Test]
    public async Task ALockOfAnotherNameDoesNotStandInTheWay()
    {
        var clock = new FakeTimeProvider(_now);
        await InsertRowAsync("node-b/7", _now.UtcDateTime.AddMinutes(5), name: "Nop.Plugin.Misc.Personalization.Backfill");

        var took = await Node(clock).TryRunAsync(NAME, _expiry, _ => Task.CompletedTask);

        took.Should().BeTrue();
    }

    [Test]
    public async Task ARenewedLockIsNotTakenOverAfterItsFirstExpiry()
    {
        var clock = new FakeTimeProvider(_now);
        var release = NewSignal();
        var holding = NewSignal();
        var first = Node(clock).TryRunAsync(NAME, _expiry, async _ =>
        {
            holding.TrySetResult();
            await release.Task;
        });
        await holding.Task.WaitAsync(_patience);

        //three renewals carry the lock past the expiry it was taken with
        for (var renewal = 1; renewal <= 3; renewal++)
        {
            clock.Advance(_expiry / 3);
            await UntilAsync(async () => (await RowsAsync()).Single().ExpiresOnUtc == clock.GetUtcNow().UtcDateTime + _expiry);
        }
        var second = await Node(clock).TryRunAsync(NAME, _expiry, _ => Task.CompletedTask);

        second.Should().BeFalse();
        release.TrySetResult();
        (await first.WaitAsync(_patience)).Should().BeTrue();
        (await RowsAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task AHolderWhoseLockWasTakenOverNoticesOnRenewalAndLeavesTheNewHoldersRow()
    {
        var clock = new FakeTimeProvider(_now);
        var stalledLog = new RecordingShopLog();
        var releaseB = NewSignal();
        var bHolds = NewSignal();
        Task<bool> nodeB = null;
        PersonalizationLock rowOfB = null;
        var stopAsked = false;

        var took = await Node(clock, stalledLog).TryRunAsync(NAME, _expiry, async lockLost =>
        {
            //this node stalls past its expiry (a long pause, a database it could not reach) and node B takes over
            var mine = (await RowsAsync()).Single();
            mine.ExpiresOnUtc = clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
            await Repository<PersonalizationLock>().UpdateAsync(mine);
            nodeB = Node(clock).TryRunAsync(NAME, _expiry, async _ =>
            {
                bHolds.TrySetResult();
                await releaseB.Task;
            });
            await bHolds.Task.WaitAsync(_patience);
            rowOfB = (await RowsAsync()).Single();
            rowOfB.Id.Should().NotBe(mine.Id);

            clock.Advance(_expiry / 3);
            var lost = NewSignal();
            await using (lockLost.Register(() => lost.TrySetResult()))
                await lost.Task.WaitAsync(_patience);
            stopAsked = lockLost.IsCancellationRequested;
        });

        (took, stopAsked).Should().Be((true, true));
        stalledLog.Warnings.Should().ContainSingle().Which.Message.Should().Contain("lost the lock").And.Contain(NAME);
        (await RowsAsync()).Should().ContainSingle().Which.Should().BeEquivalentTo(new { rowOfB.Id, rowOfB.Holder }, "the stalled node gave back only its own row");
        (await Node(clock).TryRunAsync(NAME, _expiry, _ => Task.CompletedTask)).Should().BeFalse("node B still holds the lock");
        releaseB.TrySetResult();
        (await nodeB.WaitAsync(_patience)).Should().BeTrue();
        (await RowsAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task AnInsertTheDatabaseRefusesForAnotherReasonIsAnErrorNotAHeldLock()
    {
        var tooLong = new string('x', 101);
        var ran = false;

        var attempt = () => Node(new FakeTimeProvider(_now)).TryRunAsync(tooLong, _expiry, _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        await attempt.Should().ThrowAsync<Exception>();
        ran.Should().BeFalse();
        (await RowsAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task TheWorksFailureReachesTheCallerAndTheLockIsGivenBack()
    {
        var failure = new InvalidOperationException("training failed");

        var attempt = () => Node(new FakeTimeProvider(_now)).TryRunAsync(NAME, _expiry, _ => throw failure);

        (await attempt.Should().ThrowAsync<InvalidOperationException>()).Which.Should().BeSameAs(failure);
        (await RowsAsync()).Should().BeEmpty();
    }

    private FarmLock Node(TimeProvider clock, RecordingShopLog log = null)
    {
        log ??= new RecordingShopLog();
        return new FarmLock(log, new LockRows(Repository<PersonalizationLock>(), log, clock), clock);
    }

    private async Task<PersonalizationLock> InsertRowAsync(string holder, DateTime expiresOnUtc, string name = NAME)
    {
        var row = new PersonalizationLock { Name = name, Holder = holder, AcquiredOnUtc = expiresOnUtc.AddMinutes(-10), ExpiresOnUtc = expiresOnUtc };
        await Repository<PersonalizationLock>().InsertAsync(row);

        return row;
    }

    private async Task<IList<PersonalizationLock>> RowsAsync() =>
        await Repository<PersonalizationLock>().GetAllAsync(query => query.Where(row => row.Name == NAME));

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var giveUp = DateTime.UtcNow + _patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > giveUp)
                Assert.Fail("the condition did not come true in time");
            await Task.Delay(20);
        }
    }
}
