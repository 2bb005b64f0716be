using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Events;

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

    [SetUp]
    public void SetUp()
    {
        _sink = new EventSink(100);
        _store = new RecordingEventStore();
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        _services = new ServiceCollection().AddSingleton<IEventStore>(_store).BuildServiceProvider();
        _writer = new EventWriter(_sink, _services.GetRequiredService<IServiceScopeFactory>(), _time, NullLogger<EventWriter>.Instance,
            new EventWriterOptions { MaxBatchSize = 100 });
    }

    [TearDown]
    public async Task TearDown()
    {
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
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
