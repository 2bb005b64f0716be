using Moq;
using Nop.Core.Caching;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Health;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Health;

/// <summary>
/// The health checklist's counts of recent events, as the configuration page asks the database for them.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class RecentEventCountsDatabaseTests : MigratedDatabaseTest
{
    private static readonly DateTime _now = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);

    public RecentEventCountsDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [SetUp]
    public Task ClearAsync() => Repository<PersonalizationEvent>().TruncateAsync();

    [Test]
    public async Task TheLastHourAndTheLastDayOfTheStoreAreCounted()
    {
        var events = new List<PersonalizationEvent>();
        foreach (var (storeId, minutesAgo) in new[] { (1, 5), (1, 59), (1, 61), (1, 23 * 60), (1, 25 * 60), (2, 5) })
            events.Add(new PersonalizationEvent { StoreId = storeId, CustomerId = 3, EventType = 1, ProductId = 4, CreatedOnUtc = _now.AddMinutes(-minutesAgo) });
        await Repository<PersonalizationEvent>().InsertAsync(events, publishEvent: false);
        var cache = new Mock<IStaticCacheManager>();
        cache.Setup(c => c.GetAsync(It.IsAny<CacheKey>(), It.IsAny<Func<Task<long[]>>>())).Returns((CacheKey _, Func<Task<long[]>> acquire) => acquire());

        var counts = await new RecentEventCounts(Repository<PersonalizationEvent>(), cache.Object).CountAsync(1, _now);

        counts.Should().Be((2L, 4L));
    }
}
