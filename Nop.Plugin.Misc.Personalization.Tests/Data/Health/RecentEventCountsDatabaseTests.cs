using Moq;
using Nop.Core.Caching;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
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
        foreach (var (storeId, minutesAgo, type) in new[] { (1, 5, 1), (1, 59, 2), (1, 61, 6), (1, 23 * 60, 1), (1, 25 * 60, 1), (2, 5, 1), (1, 30, 4) })
            events.Add(new PersonalizationEvent { StoreId = storeId, CustomerId = 3, EventType = type, ProductId = 4, CreatedOnUtc = _now.AddMinutes(-minutesAgo) });
        await Repository<PersonalizationEvent>().InsertAsync(events, publishEvent: false);
        var cache = new Mock<IStaticCacheManager>();
        cache.Setup(c => c.GetAsync(It.IsAny<CacheKey>(), It.IsAny<Func<Task<long[]>>>())).Returns((CacheKey _, Func<Task<long[]>> acquire) => acquire());

        var counts = await new RecentEventCounts(Repository<PersonalizationEvent>(), cache.Object).CountAsync(1, _now);

        (counts.LastHour, counts.Last24Hours).Should().Be((3L, 5L));
        counts.Last24HoursByKind.Should().BeEquivalentTo(new Dictionary<InteractionType, long>
        {
            [InteractionType.View] = 2, [InteractionType.Search] = 1, [InteractionType.AddToCart] = 0, [InteractionType.Wishlist] = 0,
            [InteractionType.Purchase] = 1, [InteractionType.RecommendationClick] = 0
        }, "a removal from the cart counts in the total but is not one of the kinds shown");
    }
}
