using Nop.Plugin.Misc.Personalization.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Capture;

[TestFixture]
public class EventWriterTests
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(10);

    private EventSink _sink;
    private RecordingEventStore _store;
    private FakeTimeProvider _time;
    private EventWriter _writer;
    private ServiceProvider _services;
    private RecordingShopLog _log;
    private PluginLifetime _lifetime;

    [SetUp]
    public void SetUp()
    {
        _sink = new EventSink(100);
        _store = new RecordingEventStore();
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        _log = new RecordingShopLog();
        _lifetime = new PluginLifetime();
        _services = new ServiceCollection().AddSingleton<IEventStore>(_store).BuildServiceProvider();
        _writer = new EventWriter(_sink, _services.GetRequiredService<IServiceScopeFactory>(), _time, _log,
            new EventWriterOptions { MaxBatchSize = 100, BatchLinger = TimeSpan.Zero }, _lifetime);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
        _lifetime.Dispose();
        await _services.DisposeAsync();
    }

    [Test]
    public async Task WritesEverythingEnqueued()
    {
        Enqueue(1, 2, 3);

        await _writer.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => _store.Count == 3);

        _store.Stored.Select(e => e.ProductId).Should().Equal(1, 2, 3);
        _sink.Counters.Written.Should().Be(3);
    }

    [Test]
    public async Task EventsArrivingWithinTheLingerAreWrittenInOneInsert()
    {
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
        _writer = new EventWriter(_sink, _services.GetRequiredService<IServiceScopeFactory>(), _time, _log,
            new EventWriterOptions { MaxBatchSize = 100, BatchLinger = TimeSpan.FromSeconds(1) }, new PluginLifetime());
        await _writer.StartAsync(CancellationToken.None);

        Enqueue(1);
        await Task.Delay(200);
        Enqueue(2, 3);
        await Task.Delay(200);
        _store.Count.Should().Be(0, "the writer waits for the linger before it writes");

        await WaitUntilAsync(() =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
            return _store.Count == 3;
        });

        _store.Inserts.Should().Be(1, "three events within the linger are one insert");
    }

    [Test]
    public async Task RetriesAFailingDatabaseWithBackoffWithoutLosingOrDuplicating()
    {
        _store.FailInserts = 3;
        Enqueue(1, 2, 3);

        await _writer.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            return _store.Count == 3;
        });

        _store.Stored.Select(e => e.ProductId).Should().Equal(1, 2, 3);
        _sink.Counters.FailedWrites.Should().BeGreaterThanOrEqualTo(2);
        _sink.Counters.Dropped.Should().Be(0);
        _sink.Counters.Rejected.Should().Be(0);
    }

    [Test]
    public async Task ARowTheDatabaseRefusesIsDroppedAndCountedInsteadOfBlockingEverything()
    {
        _store.Refuses = e => e.ProductId == 13;
        Enqueue(Enumerable.Range(1, 20).ToArray());

        await _writer.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            return _store.Count == 19;
        });
        Enqueue(21);
        await WaitUntilAsync(() => _store.Count == 20);

        _store.Stored.Select(e => e.ProductId).Should().BeEquivalentTo(Enumerable.Range(1, 21).Where(id => id != 13));
        _sink.Counters.Rejected.Should().Be(1);
        _sink.Counters.Written.Should().Be(20);
    }

    [Test]
    public async Task AfterUninstallingTheWriterStopsAndCountsWhatItHeldAsLostWithoutWritingIt()
    {
        _store.AlwaysFail = true;
        Enqueue(1, 2, 3);
        await _writer.StartAsync(CancellationToken.None);
        await _store.FirstFailure.Task.WaitAsync(_wait);

        _lifetime.MarkUninstalled();
        await _writer.ExecuteTask!.WaitAsync(_wait);
        var attempts = _store.Inserts;
        //a page rendered in the same moment still captures
        Enqueue(4);
        await _writer.StopAsync(CancellationToken.None);

        _writer.ExecuteTask.IsCompletedSuccessfully.Should().BeTrue();
        _store.Inserts.Should().Be(attempts, "the plugin's tables are gone: nothing is tried at shutdown either");
        _sink.Counters.LostOnShutdown.Should().Be(3);
        _log.Errors.Should().BeEmpty();
    }

    [Test]
    public async Task ABatchWhoseEveryRowTheDatabaseRefusesIsDroppedAndCountedInsteadOfRetriedForever()
    {
        _store.Refuses = e => e.ProductId == 13;
        Enqueue(13);

        await _writer.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            return _sink.Counters.Rejected == 1;
        });
        Enqueue(14);
        await WaitUntilAsync(() => _store.Count == 1);

        _store.Stored.Select(e => e.ProductId).Should().Equal(14);
        _sink.Counters.Written.Should().Be(1);
    }

    [Test]
    public async Task RefusedRowsAreReportedOnceInTheShopLogWithoutPersonalData()
    {
        _store.Refuses = e => e.ProductId is 3 or 5;
        foreach (var productId in Enumerable.Range(1, 6))
            _sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent { CustomerId = 4242, ProductId = productId, Query = "red shoes size 42" }));

        await _writer.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            return _store.Count == 4 && _sink.Counters.Rejected == 2;
        });

        _log.Warnings.Should().ContainSingle(entry => entry.Message.Contains("refused 2 captured event(s)"));
        _log.Entries.Should().OnlyContain(entry => entry.Exception == null && !entry.Message.Contains("4242") && !entry.Message.Contains("shoes"),
            "the shop's log keeps what it is given, and the refusal's text quotes the shopper's values");
    }

    [Test]
    public async Task AGuestHistoryMoveTheDatabaseRefusesIsDroppedAndLaterEventsAreStored()
    {
        _store.RefusesMoves = true;
        _sink.TryEnqueue(CaptureItem.Merge(7, 9));
        _sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent { CustomerId = 9, ProductId = 3 }));

        await _writer.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            return _store.Count == 1;
        });

        _store.Operations.Should().Equal("insert 3");
        _sink.Counters.Rejected.Should().Be(0, "a move is not a captured event");
        _log.Warnings.Should().ContainSingle(entry => entry.Message.Contains("move of a guest's history"));
    }

    [Test]
    public async Task AnOutageIsNotHammeredWithTheBatchSplitIntoPieces()
    {
        _store.AlwaysFail = true;
        Enqueue(1, 2, 3, 4, 5, 6, 7, 8);

        await _writer.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(60));
            return _sink.Counters.FailedWrites >= 4;
        });
        await Task.Delay(100);

        _store.Inserts.Should().Be((int)_sink.Counters.FailedWrites, "while the database does not answer, only the whole batch is retried");
        _store.Probes.Should().BeGreaterThan(0);
        _sink.Counters.Rejected.Should().Be(0);
    }

    [Test]
    public async Task AnOutageDropsNothing()
    {
        _store.AlwaysFail = true;
        Enqueue(1, 2, 3);

        await _writer.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            return _sink.Counters.FailedWrites >= 5;
        });

        _sink.Counters.Rejected.Should().Be(0);
        _store.AlwaysFail = false;
        await WaitUntilAsync(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(60));
            return _store.Count == 3;
        });
    }

    [Test]
    public async Task DoesNotRetryBeforeTheBackoffDelay()
    {
        _store.FailInserts = 1;
        Enqueue(1);

        await _writer.StartAsync(CancellationToken.None);
        await _store.FirstFailure.Task.WaitAsync(_wait);
        await Task.Delay(100);

        _store.Count.Should().Be(0, "the first retry waits for the backoff delay");
        _time.Advance(TimeSpan.FromSeconds(1));
        await WaitUntilAsync(() => _store.Count == 1);
    }

    [Test]
    public async Task AGuestHistoryMovesOnlyAfterItsEventsAreStored()
    {
        _sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent { CustomerId = 7, ProductId = 1 }));
        _sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent { CustomerId = 7, ProductId = 2 }));
        _sink.TryEnqueue(CaptureItem.Merge(7, 9));
        _sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent { CustomerId = 9, ProductId = 3 }));

        await _writer.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => _store.Count == 3);

        _store.Operations.Should().Equal("insert 1,2", "move 7->9", "insert 3");
        _store.Stored.Should().OnlyContain(e => e.CustomerId == 9);
    }

    [Test]
    public async Task AFailedMergeIsRetriedWithoutInsertingItsEventsTwice()
    {
        _store.FailMoves = 1;
        _sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent { CustomerId = 7, ProductId = 1 }));
        _sink.TryEnqueue(CaptureItem.Merge(7, 9));

        await _writer.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            return _store.Operations.Contains("move 7->9");
        });

        _store.Operations.Should().Equal("insert 1", "move 7->9");
    }

    [Test]
    public async Task FlushesPendingEventsOnShutdown()
    {
        _store.AlwaysFail = true;
        Enqueue(1, 2);
        await _writer.StartAsync(CancellationToken.None);
        await _store.FirstFailure.Task.WaitAsync(_wait);

        _store.AlwaysFail = false;
        await _writer.StopAsync(CancellationToken.None);

        _store.Stored.Select(e => e.ProductId).Should().Equal(1, 2);
        _sink.Counters.LostOnShutdown.Should().Be(0);
    }

    [Test]
    public async Task StoppingRightAfterStartingStillWritesWhatWasQueued()
    {
        Enqueue(1, 2, 3);

        await _writer.StartAsync(CancellationToken.None);
        await _writer.StopAsync(CancellationToken.None);

        _store.Stored.Select(e => e.ProductId).Should().Equal(1, 2, 3);
    }

    [Test]
    public async Task CountsWhatCannotBeWrittenAtShutdown()
    {
        _store.AlwaysFail = true;
        Enqueue(1, 2, 3);
        await _writer.StartAsync(CancellationToken.None);
        await _store.FirstFailure.Task.WaitAsync(_wait);

        await _writer.StopAsync(CancellationToken.None);

        _sink.Counters.LostOnShutdown.Should().Be(3);
        _store.Count.Should().Be(0);
        _sink.Reader.Count.Should().Be(0);
        _log.Errors.Should().Contain(entry => entry.Message.StartsWith("the database was unreachable at shutdown; 3 captured events were not stored"));
        _sink.Counters.Rejected.Should().Be(0);
    }

    [Test]
    public async Task AtShutdownRowsTheDatabaseRefusesAreCountedAsRefusedAndTheRestIsStored()
    {
        _store.Refuses = e => e.ProductId == 2;
        Enqueue(1, 2, 3);

        await _writer.StopAsync(CancellationToken.None);

        _store.Stored.Select(e => e.ProductId).Should().BeEquivalentTo([1, 3]);
        _sink.Counters.Rejected.Should().Be(1);
        _sink.Counters.LostOnShutdown.Should().Be(0);
        _log.Entries.Should().NotContain(entry => entry.Message.Contains("unreachable"));
        _log.Warnings.Should().ContainSingle(entry => entry.Message.Contains("refused 1 captured event(s)"));
    }

    private void Enqueue(params int[] productIds)
    {
        foreach (var productId in productIds)
            _sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent { CustomerId = 1, ProductId = productId })).Should().BeTrue();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + _wait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail("condition not reached in time");
            await Task.Delay(10);
        }
    }
}
