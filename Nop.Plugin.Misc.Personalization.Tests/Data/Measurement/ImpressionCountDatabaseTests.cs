using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Tests.Backfill;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Measurement;

/// <summary>
/// Impression counters against PostgreSQL: processes adding to their own daily rows, the report's sums, the conversion of
/// impression rows of earlier versions, and retention of old counters.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class ImpressionCountDatabaseTests : MigratedDatabaseTest
{
    private static readonly DateTimeOffset _now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTime _today = _now.UtcDateTime.Date;

    public ImpressionCountDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [SetUp]
    public async Task ClearAsync()
    {
        await Repository<PersonalizationImpressionCount>().TruncateAsync();
        await Repository<PersonalizationEvent>().TruncateAsync();
    }

    [Test]
    public async Task EachProcessAddsToItsOwnRowOfTheDay()
    {
        var store = Store();

        await store.AddAsync([Delta(1, 7, _today, 2, 8), Delta(1, 8, _today, 1, 3)], "node-a:10");
        await store.AddAsync([Delta(1, 7, _today, 1, 4)], "node-a:10");
        await store.AddAsync([Delta(1, 7, _today, 5, 20)], "node-b:11");
        await store.AddAsync([Delta(1, 7, _today.AddDays(1), 1, 4)], "node-a:10");

        var rows = await Repository<PersonalizationImpressionCount>().GetAllAsync(query => query
            .OrderBy(row => row.Counter).ThenBy(row => row.DayUtc).ThenBy(row => row.PlacementId));
        rows.Select(row => (row.Counter, row.PlacementId, row.DayUtc, row.Renders, row.ProductsShown)).Should().Equal(
            ("node-a:10", 7, _today, 3, 12L),
            ("node-a:10", 8, _today, 1, 3L),
            ("node-a:10", 7, _today.AddDays(1), 1, 4L),
            ("node-b:11", 7, _today, 5, 20L));
    }

    [Test]
    public async Task HiddenAndZoneRendersAddUpLikeTheOthers()
    {
        await Store().AddAsync([new ImpressionDelta(new ImpressionKey(1, 7, _today), 2, 8, HiddenRenders: 1, ZoneRenders: 5)], "node-a:10");
        await Store().AddAsync([new ImpressionDelta(new ImpressionKey(1, 7, _today), 0, 0, HiddenRenders: 2, ZoneRenders: 3)], "node-a:10");
        await Store().AddAsync([new ImpressionDelta(new ImpressionKey(1, 7, _today), 1, 4, HiddenRenders: 0, ZoneRenders: 1)], "node-b:11");

        (await Store().SumAsync(storeId: 1, _now.UtcDateTime.AddDays(-1), _now.UtcDateTime))[7].Should().Be(new PlacementCounts(3, 12L, 3, 9));
    }

    [Test]
    public async Task StoredDeltasLeaveThePendingListSoAFailureHandsBackOnlyTheRest()
    {
        var pending = new List<ImpressionDelta> { Delta(1, 7, _today, 2, 8) };

        await Store().AddAsync(pending, "node-a:10");

        pending.Should().BeEmpty();
    }

    [Test]
    public async Task SumsCoverWholeDaysOfThePeriodAndTheStore()
    {
        await Store().AddAsync([
            Delta(1, 7, _today, 1, 4),
            Delta(1, 7, _today.AddDays(-7), 10, 40),
            Delta(1, 7, _today.AddDays(-8), 100, 400),
            Delta(2, 7, _today, 1000, 4000)
        ], "node-a:10");
        await Store().AddAsync([Delta(1, 7, _today, 2, 8)], "node-b:11");

        (await Store().SumAsync(storeId: 1, _now.UtcDateTime.AddDays(-7), _now.UtcDateTime))[7].Should().Be(new PlacementCounts(13, 52L, 0, 0),
            "the period's first day counts whole");
        (await Store().SumAsync(storeId: 0, _now.UtcDateTime.AddDays(-7), _now.UtcDateTime))[7].Should().Be(new PlacementCounts(1013, 4052L, 0, 0));
    }

    [Test]
    public async Task ImpressionRowsOfEarlierVersionsBecomeCountersAndAreDeleted()
    {
        var events = Repository<PersonalizationEvent>();
        await events.InsertAsync([
            Impression(storeId: 1, placement: "7", shown: 4, _now.UtcDateTime.AddDays(-1)),
            Impression(storeId: 1, placement: "7", shown: 2, _now.UtcDateTime.AddDays(-1).AddHours(2)),
            Impression(storeId: 1, placement: "8", shown: 3, _now.UtcDateTime),
            Impression(storeId: 2, placement: "7", shown: 4, _now.UtcDateTime),
            Impression(storeId: 1, placement: "not an id", shown: 4, _now.UtcDateTime),
            new PersonalizationEvent { StoreId = 1, CustomerId = 5, EventType = (int)InteractionType.View, ProductId = 3, Quantity = 1, CreatedOnUtc = _now.UtcDateTime }
        ]);
        var settings = new InMemorySettings().Handle<PersonalizationImpressionState>();

        var converted = await Conversion(settings.Service, batchSize: 2).ConvertAsync();

        converted.Should().Be(5);
        (await events.GetAllAsync(query => query)).Select(e => e.EventType).Should().Equal((int)InteractionType.View);
        var counts = await Repository<PersonalizationImpressionCount>().GetAllAsync(query => query
            .OrderBy(row => row.StoreId).ThenBy(row => row.PlacementId));
        counts.Select(row => (row.StoreId, row.PlacementId, row.DayUtc, row.Counter, row.Renders, row.ProductsShown)).Should().Equal(
            (1, 7, _today.AddDays(-1), LegacyImpressionConversion.COUNTER, 2, 6L),
            (1, 8, _today, LegacyImpressionConversion.COUNTER, 1, 3L),
            (2, 7, _today, LegacyImpressionConversion.COUNTER, 1, 4L));
        (await settings.Service.LoadSettingAsync<PersonalizationImpressionState>()).LegacyRowsConverted.Should().BeTrue();
    }

    [Test]
    public async Task OnceConvertedTheEventTableIsNeverSearchedAgain()
    {
        var settings = new InMemorySettings().Handle<PersonalizationImpressionState>();
        settings.Save(new PersonalizationImpressionState { LegacyRowsConverted = true });
        var commands = new List<string>();
        var events = new LinqToDbRepository<PersonalizationEvent>(PersonalizationDataOptions.Create(Database, commands.Add));
        await events.InsertAsync(Impression(storeId: 1, placement: "7", shown: 4, _now.UtcDateTime));
        commands.Clear();

        var converted = await new LegacyImpressionConversion(Store(), events, new RetentionOptions(), settings.Service, new FakeTimeProvider(_now))
            .ConvertAsync();

        (converted, commands.Count).Should().Be((0, 0));
    }

    [Test]
    public async Task RetentionDeletesCountersOfDaysBeforeThePeriod()
    {
        await Store().AddAsync([Delta(1, 7, _today.AddDays(-31), 1, 4), Delta(1, 7, _today.AddDays(-30), 2, 8), Delta(1, 7, _today, 3, 12)], "node-a:10");
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(0)).ReturnsAsync(new PersonalizationSettings { RetentionDays = 30 });

        await new EventRetentionService(Repository<PersonalizationImpressionCount>(), Repository<PersonalizationEvent>(), new RetentionOptions(),
            settings.Object, new FakeTimeProvider(_now)).DeleteExpiredAsync();

        (await Repository<PersonalizationImpressionCount>().GetAllAsync(query => query.OrderBy(row => row.DayUtc))).Select(row => row.Renders)
            .Should().Equal(2, 3);
    }

    private ImpressionCountStore Store() => new(Repository<PersonalizationImpressionCount>());

    private LegacyImpressionConversion Conversion(ISettingService settings, int batchSize) =>
        new(Store(), Repository<PersonalizationEvent>(), new RetentionOptions { BatchSize = batchSize }, settings, new FakeTimeProvider(_now));

    private static ImpressionDelta Delta(int storeId, int placementId, DateTime day, int renders, long shown) =>
        new(new ImpressionKey(storeId, placementId, day), renders, shown);

    private static PersonalizationEvent Impression(int storeId, string placement, int shown, DateTime at) => new()
    {
        StoreId = storeId,
        CustomerId = 3,
        EventType = (int)InteractionType.RecommendationImpression,
        Placement = placement,
        Quantity = shown,
        CreatedOnUtc = at
    };
}
