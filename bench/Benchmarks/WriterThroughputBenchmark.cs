using Nop.Plugin.Misc.Personalization.Services;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Benchmarks;

/// <summary>
/// The background writer storing 100,000 events into PostgreSQL through the linq2db IRepository&lt;T&gt; used by the
/// tests (bulk copy, as nopCommerce's list insert). Needs PERSONALIZATION_TEST_POSTGRES (bash .ci/postgres.sh).
/// Events per second = 100,000 / mean.
/// </summary>
[InProcess]
public class WriterThroughputBenchmark
{
    public const int EVENTS = 100_000;

    private PostgresDatabase _database;
    private PluginMigrator _migrator;
    private ServiceProvider _services;
    private PersonalizationEvent[] _events;

    [GlobalSetup]
    public void Setup()
    {
        _database = PostgresDatabase.CreateAsync().GetAwaiter().GetResult();
        _migrator = new PluginMigrator(_database);
        _migrator.MigrateUp();
        var options = PersonalizationDataOptions.Create(_database);
        _services = new ServiceCollection()
            .AddSingleton<IRepository<PersonalizationEvent>>(new LinqToDbRepository<PersonalizationEvent>(options))
            .AddScoped<IEventStore, EventStore>()
            .BuildServiceProvider();
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        _events = Enumerable.Range(0, EVENTS).Select(i => new PersonalizationEvent
        {
            StoreId = 1, CustomerId = i % 5_000 + 1, ProductId = i % 20_000 + 1, EventType = (int)InteractionType.View, Quantity = 1,
            CreatedOnUtc = start.AddSeconds(i)
        }).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _migrator.MigrateDownToNothing();
        _migrator.Dispose();
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = EVENTS)]
    public async Task Write100kEvents()
    {
        var sink = new EventSink(EVENTS);
        foreach (var e in _events)
        {
            e.Id = 0;
            sink.TryEnqueue(CaptureItem.Store(e));
        }

        var writer = new EventWriter(sink, _services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, new ShopLog(NullLogger<ShopLog>.Instance, TimeProvider.System), new PluginLifetime());
        await writer.StartAsync(CancellationToken.None);
        while (sink.Counters.Written < EVENTS)
            await Task.Delay(1);
        await writer.StopAsync(CancellationToken.None);
    }
}
