using System.Diagnostics;
using System.Text.RegularExpressions;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data;

/// <summary>
/// Captured events arrive in batches; a list insert must store them all in one bulk copy with ids set.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class BulkInsertTests : MigratedDatabaseTest
{
    private const int EVENT_COUNT = 10_000;
    private const int STORE_ID = 42;

    public BulkInsertTests(DatabaseEngine engine) : base(engine)
    {
    }

    [Test]
    public async Task TenThousandEventsAreStoredWithDistinctIds()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var events = Enumerable.Range(0, EVENT_COUNT).Select(i => new PersonalizationEvent
        {
            StoreId = STORE_ID,
            CustomerId = i % 700,
            EventType = (byte)(i % 10),
            ProductId = i % 1300,
            Quantity = 1 + i % 3,
            Value = i % 100 + 0.99m,
            OrderId = i % 10 == 5 ? i : 0,
            Placement = i % 10 == 6 ? "home" : null,
            Query = i % 10 == 1 ? $"term {i % 50}" : null,
            CreatedOnUtc = start.AddSeconds(i)
        }).ToList();
        var repository = Repository<PersonalizationEvent>();

        var stopwatch = Stopwatch.StartNew();
        await repository.InsertAsync(events);
        stopwatch.Stop();
        TestContext.Out.WriteLine($"bulk insert of {EVENT_COUNT} events: {stopwatch.ElapsedMilliseconds} ms");

        var stored = await Database.ScalarAsync<long>(
            $"SELECT count(*) FROM {Database.Quote("Personalization_Event")} WHERE {Database.Quote("StoreId")} = @store", ("store", STORE_ID));
        stored.Should().Be(EVENT_COUNT);
        repository.Table.Count(e => e.StoreId == STORE_ID).Should().Be(EVENT_COUNT);
        events.Select(e => e.Id).Should().OnlyHaveUniqueItems().And.OnlyContain(id => id > 0);

        var sample = events[EVENT_COUNT - 7];
        (await repository.GetByIdAsync(sample.Id)).Should().BeEquivalentTo(sample);
        var purchases = await repository.GetAllPagedAsync(query => query.Where(e => e.StoreId == STORE_ID && e.OrderId > 0), pageSize: 10, getOnlyTotalCount: true);
        purchases.TotalCount.Should().Be(EVENT_COUNT / 10);
    }

    [Test]
    public async Task AListInsertIsOneBulkCopyAfterReservingIdsNotOneInsertPerRow()
    {
        var commands = new List<string>();
        var repository = new LinqToDbRepository<PersonalizationEvent>(PersonalizationDataOptions.Create(Database, commands.Add));
        var events = Enumerable.Range(0, 50)
            .Select(i => new PersonalizationEvent { StoreId = STORE_ID + 1, ProductId = i, CreatedOnUtc = DateTime.UtcNow })
            .ToList();

        await repository.InsertAsync(events);

        commands.Should().HaveCount(2);
        if (Engine == DatabaseEngine.MySql)
        {
            //nopCommerce's MySQL provider: ids counted on from the largest, then one multi-row INSERT
            commands[0].Should().Contain("SELECT Max(`Id`) FROM `Personalization_Event`");
            commands[1].Should().Contain("INSERT INTO `Personalization_Event`");
            Regex.Matches(commands[1], @"^\(\d+,", RegexOptions.Multiline).Should().HaveCount(events.Count, "one row of values per event");
        }
        else
        {
            commands[0].Should().Contain("nextval('\"Personalization_Event_Id_seq\"')");
            commands[1].Should().Contain("INSERT ASYNC BULK \"Personalization_Event\"");
        }
    }
}
