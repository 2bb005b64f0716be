using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;
using Nop.Services.Configuration;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Services;

/// <summary>
/// The write path and retention against PostgreSQL through the plugin's real migrations and IRepository&lt;T&gt;.
/// </summary>
[TestFixture]
public class EventStoreDatabaseTests : MigratedDatabaseTest
{
    private static readonly DateTimeOffset _now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [SetUp]
    public Task ClearAsync() => Repository<PersonalizationEvent>().TruncateAsync();

    [Test]
    public async Task TheWriterStoresWhatTheSinkAcceptedAndMovesGuestHistory()
    {
        var sink = new EventSink(100);
        var services = new ServiceCollection()
            .AddScoped(_ => Repository<PersonalizationEvent>())
            .AddScoped<IEventStore, EventStore>()
            .BuildServiceProvider();
        var writer = new EventWriter(sink, services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, new RecordingShopLog());

        sink.TryEnqueue(CaptureItem.Store(Event(customerId: 7, productId: 1)));
        sink.TryEnqueue(CaptureItem.Store(Event(customerId: 7, productId: 2)));
        sink.TryEnqueue(CaptureItem.Merge(7, 9));
        sink.TryEnqueue(CaptureItem.Store(Event(customerId: 9, productId: 3)));
        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);

        var stored = await Repository<PersonalizationEvent>().GetAllAsync(query => query.OrderBy(e => e.ProductId));
        stored.Select(e => (e.CustomerId, e.ProductId)).Should().Equal((9, 1), (9, 2), (9, 3));
        sink.Counters.Written.Should().Be(3);
        await services.DisposeAsync();
    }

    [Test]
    public async Task TheWriterDropsARowPostgreSqlRefusesStoresTheRestAndSaysSoInTheShopLog()
    {
        var sink = new EventSink(100);
        var shopLog = new RecordingShopLog();
        var services = new ServiceCollection()
            .AddScoped(_ => Repository<PersonalizationEvent>())
            .AddScoped<IEventStore, EventStore>()
            .BuildServiceProvider();
        var writer = new EventWriter(sink, services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, shopLog);
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
        await services.DisposeAsync();
    }

    [Test]
    public async Task TheStoreTellsThatTheDatabaseAnswers()
    {
        (await new EventStore(Repository<PersonalizationEvent>()).IsReachableAsync()).Should().BeTrue();
    }

    [Test]
    public async Task TheStoreTellsThatNoDatabaseAnswers()
    {
        var nowhere = new LinqToDbRepository<PersonalizationEvent>(PersonalizationDataOptions.Create("Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2"));

        (await new EventStore(nowhere).IsReachableAsync()).Should().BeFalse();
    }

    [Test]
    public async Task MovingHistoryLeavesOtherCustomersAlone()
    {
        var repository = Repository<PersonalizationEvent>();
        await repository.InsertAsync([Event(7, 1), Event(8, 2)]);

        var moved = await new EventStore(repository).MoveHistoryAsync(7, 9);

        moved.Should().Be(1);
        (await repository.GetAllAsync(q => q.OrderBy(e => e.ProductId))).Select(e => e.CustomerId).Should().Equal(9, 8);
        (await new EventStore(repository).MoveHistoryAsync(7, 7)).Should().Be(0);
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

        var deleted = await new EventRetentionService(repository, settings.Object, new FakeTimeProvider(_now)).DeleteExpiredAsync();

        deleted.Should().Be(1);
        (await repository.GetAllAsync(q => q.OrderBy(e => e.ProductId))).Select(e => e.ProductId).Should().Equal(2, 3);
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
