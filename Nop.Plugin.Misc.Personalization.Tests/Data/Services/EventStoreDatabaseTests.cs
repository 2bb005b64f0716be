using Nop.Plugin.Misc.Personalization.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;
using Nop.Services.Configuration;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Services;

/// <summary>
/// The write path and retention against PostgreSQL through the plugin's real migrations and IRepository&lt;T&gt;.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class EventStoreDatabaseTests : MigratedDatabaseTest
{
    private static readonly DateTimeOffset _now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public EventStoreDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [SetUp]
    public Task ClearAsync() => Repository<PersonalizationEvent>().TruncateAsync();

    [Test]
    public async Task TheWriterStoresWhatTheSinkAcceptedAndMovesGuestHistory()
    {
        var sink = new EventSink(100);
        await using var services = StoreServices();
        var writer = new EventWriter(sink, services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, new RecordingShopLog(), new PluginLifetime());

        sink.TryEnqueue(CaptureItem.Store(Event(customerId: 7, productId: 1)));
        sink.TryEnqueue(CaptureItem.Store(Event(customerId: 7, productId: 2)));
        sink.TryEnqueue(CaptureItem.Merge(7, 9));
        sink.TryEnqueue(CaptureItem.Store(Event(customerId: 9, productId: 3)));
        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);

        var stored = await Repository<PersonalizationEvent>().GetAllAsync(query => query.OrderBy(e => e.ProductId));
        stored.Select(e => (e.CustomerId, e.ProductId)).Should().Equal((9, 1), (9, 2), (9, 3));
        sink.Counters.Written.Should().Be(3);
    }

    [Test]
    public async Task ARetractedOrderLosesItsPurchasesEvenWhenTheyWaitedInTheSameBatch()
    {
        var sink = new EventSink(100);
        await using var services = StoreServices();
        var writer = new EventWriter(sink, services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, new RecordingShopLog(), new PluginLifetime());

        sink.TryEnqueue(CaptureItem.Store(Purchase(customerId: 7, productId: 1, orderId: 90)));
        sink.TryEnqueue(CaptureItem.Store(Purchase(customerId: 7, productId: 2, orderId: 90)));
        sink.TryEnqueue(CaptureItem.Store(Purchase(customerId: 7, productId: 3, orderId: 91)));
        sink.TryEnqueue(CaptureItem.Store(Event(customerId: 7, productId: 1)));
        sink.TryEnqueue(CaptureItem.RetractOrder(90));
        await writer.StopAsync(CancellationToken.None);

        var stored = await Repository<PersonalizationEvent>().GetAllAsync(query => query.OrderBy(e => e.ProductId).ThenBy(e => e.EventType));
        stored.Select(e => (e.EventType, e.ProductId, e.OrderId)).Should().Equal(
            ((int)InteractionType.View, 1, 0), ((int)InteractionType.Purchase, 3, 91));
    }

    [Test]
    public async Task TheWriterDropsARowPostgreSqlRefusesStoresTheRestAndSaysSoInTheShopLog()
    {
        var sink = new EventSink(100);
        var shopLog = new RecordingShopLog();
        await using var services = StoreServices();
        var writer = new EventWriter(sink, services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, shopLog, new PluginLifetime());
        var refused = Event(customerId: 7, productId: 2);
        //past the column's length: the database is up and refuses this row on every try
        refused.Query = new string('x', 5_000);

        sink.TryEnqueue(CaptureItem.Store(Event(customerId: 7, productId: 1)));
        sink.TryEnqueue(CaptureItem.Store(refused));
        sink.TryEnqueue(CaptureItem.Store(Event(customerId: 7, productId: 3)));
        await writer.StopAsync(CancellationToken.None);

        var stored = await Repository<PersonalizationEvent>().GetAllAsync(query => query.OrderBy(e => e.ProductId));
        stored.Select(e => e.ProductId).Should().Equal(1, 3);
        (sink.Counters.Written, sink.Counters.Rejected, sink.Counters.LostOnShutdown).Should().Be((2L, 1L, 0L));
        shopLog.Warnings.Should().ContainSingle(entry => entry.Message.Contains("SQL state 22001") && !entry.Message.Contains("xxx"));
    }

    [Test]
    public async Task TheStoreTellsThatTheDatabaseAnswers()
    {
        (await new EventStore(new ErasedCustomers(), Repository<PersonalizationEvent>(), null, Repository<PersonalizationEmailSend>()).IsReachableAsync()).Should().BeTrue();
    }

    [Test]
    public async Task TheStoreTellsThatNoDatabaseAnswers()
    {
        var nowhere = new LinqToDbRepository<PersonalizationEvent>(PersonalizationDataOptions.Unreachable(Engine));

        (await new EventStore(new ErasedCustomers(), nowhere, null, null).IsReachableAsync()).Should().BeFalse();
    }

    [Test]
    public async Task MovingHistoryLeavesOtherCustomersAlone()
    {
        var repository = Repository<PersonalizationEvent>();
        await repository.InsertAsync([Event(7, 1), Event(8, 2)]);

        var moved = await new EventStore(new ErasedCustomers(), repository, null, Repository<PersonalizationEmailSend>()).MoveHistoryAsync(7, 9);

        moved.Should().Be(1);
        (await repository.GetAllAsync(q => q.OrderBy(e => e.ProductId))).Select(e => e.CustomerId).Should().Equal(9, 8);
        (await new EventStore(new ErasedCustomers(), repository, null, Repository<PersonalizationEmailSend>()).MoveHistoryAsync(7, 7)).Should().Be(0);
    }

    [Test]
    public async Task RetentionDeletesOnlyEventsOlderThanTheSetting()
    {
        var repository = Repository<PersonalizationEvent>();
        await repository.InsertAsync(
        [
            Event(1, 1, _now.UtcDateTime.AddDays(-31)),
            Event(1, 2, _now.UtcDateTime.AddDays(-29)),
            Event(1, 3, _now.UtcDateTime)
        ]);
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(0)).ReturnsAsync(new PersonalizationSettings { RetentionDays = 30 });

        var deleted = await new EventRetentionService(Repository<PersonalizationImpressionCount>(), repository, new RetentionOptions(), settings.Object, new FakeTimeProvider(_now)).DeleteExpiredAsync();

        deleted.Should().Be(1);
        (await repository.GetAllAsync(q => q.OrderBy(e => e.ProductId))).Select(e => e.ProductId).Should().Equal(2, 3);
    }

    [Test]
    public async Task RetentionDeletesOldestFirstInStatementsOfABatchEach()
    {
        var commands = new List<string>();
        var repository = new LinqToDbRepository<PersonalizationEvent>(PersonalizationDataOptions.Create(Database, commands.Add));
        await repository.TruncateAsync();
        //backfilled purchases arrive late with old creation times, so ids do not follow time
        var expired = Enumerable.Range(1, 25).Select(i => Event(2, i, _now.UtcDateTime.AddDays(-40 - i))).Reverse();
        await repository.InsertAsync([.. expired, Event(2, 100, _now.UtcDateTime.AddDays(-10)), Event(2, 101, _now.UtcDateTime)]);
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(0)).ReturnsAsync(new PersonalizationSettings { RetentionDays = 30 });
        commands.Clear();

        var deleted = await new EventRetentionService(Repository<PersonalizationImpressionCount>(), repository, new RetentionOptions { BatchSize = 10 }, settings.Object, new FakeTimeProvider(_now))
            .DeleteExpiredAsync();

        deleted.Should().Be(25);
        (await repository.GetAllAsync(q => q.OrderBy(e => e.ProductId))).Select(e => e.ProductId).Should().Equal(100, 101);
        commands.Count(command => command.Contains("DELETE", StringComparison.OrdinalIgnoreCase)).Should().Be(3, "10 + 10 + the last 5");
    }

    [Test]
    public async Task RetentionStopsWhenItsTimeIsSpentAndTheNextRunContinues()
    {
        var repository = Repository<PersonalizationEvent>();
        await repository.TruncateAsync();
        await repository.InsertAsync(Enumerable.Range(1, 30).Select(i => Event(3, i, _now.UtcDateTime.AddDays(-40 - i))).ToList());
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(0)).ReturnsAsync(new PersonalizationSettings { RetentionDays = 30 });
        var service = new EventRetentionService(Repository<PersonalizationImpressionCount>(), repository, new RetentionOptions { BatchSize = 10, TimeBudget = TimeSpan.FromSeconds(2) }, settings.Object,
            new SteppingClock(_now));

        var first = await service.DeleteExpiredAsync();
        var second = await service.DeleteExpiredAsync();

        (first, second).Should().Be((10, 10), "each run has time for one batch on a clock that moves a second per reading");
        (await repository.GetAllAsync(q => q.Where(e => e.CustomerId == 3).OrderBy(e => e.ProductId))).Select(e => e.ProductId)
            .Should().Equal(Enumerable.Range(1, 10), "the oldest went first");
    }

    /// <summary>Fixed wall time; every elapsed-time reading is one second later than the previous one.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private readonly DateTimeOffset _now;
        private long _seconds;

        public SteppingClock(DateTimeOffset now)
        {
            _now = now;
        }

        public override long TimestampFrequency => 1;

        public override long GetTimestamp() => ++_seconds;

        public override DateTimeOffset GetUtcNow() => _now;
    }

    /// <summary>The write path as the plugin registers it, over this database.</summary>
    private ServiceProvider StoreServices() => new ServiceCollection()
        .AddScoped(_ => Repository<PersonalizationEvent>())
        .AddScoped(_ => Repository<PersonalizationEmailSend>())
        .AddScoped<IdentifiedDataRemoval>(_ => null)
        .AddScoped<IEventStore, EventStore>()
        .AddSingleton<ErasedCustomers>()
        .BuildServiceProvider();

    private static PersonalizationEvent Purchase(int customerId, int productId, int orderId)
    {
        var purchase = Event(customerId, productId);
        purchase.EventType = (int)InteractionType.Purchase;
        purchase.OrderId = orderId;
        return purchase;
    }

    private static PersonalizationEvent Event(int customerId, int productId, DateTime? createdOnUtc = null) => new()
    {
        StoreId = 1,
        CustomerId = customerId,
        ProductId = productId,
        EventType = (int)InteractionType.View,
        Quantity = 1,
        CreatedOnUtc = createdOnUtc ?? _now.UtcDateTime
    };
}
