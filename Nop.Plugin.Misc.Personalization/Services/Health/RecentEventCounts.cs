using Nop.Core.Caching;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Health;

/// <summary>
/// How many events a store recorded in the last hour and the last 24 hours: two counts over the event table's
/// creation-date index, kept for a minute so that reloading the configuration page does not count again.
/// </summary>
public class RecentEventCounts
{
    public const int CACHE_MINUTES = 1;

    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly IStaticCacheManager _staticCacheManager;

    public RecentEventCounts(IRepository<PersonalizationEvent> eventRepository, IStaticCacheManager staticCacheManager)
    {
        _eventRepository = eventRepository;
        _staticCacheManager = staticCacheManager;
    }

    public async Task<(long LastHour, long Last24Hours)> CountAsync(int storeId, DateTime nowUtc)
    {
        var key = new CacheKey($"Nop.plugins.misc.personalization.health.events.{storeId}") { CacheTime = CACHE_MINUTES };
        var counts = await _staticCacheManager.GetAsync(key, async () =>
            new[] { await CountSinceAsync(storeId, nowUtc.AddHours(-1)), await CountSinceAsync(storeId, nowUtc.AddDays(-1)) });

        return (counts[0], counts[1]);
    }

    private async Task<long> CountSinceAsync(int storeId, DateTime sinceUtc)
    {
        var page = await _eventRepository.GetAllPagedAsync(query => query.Where(e => e.CreatedOnUtc >= sinceUtc && e.StoreId == storeId), 0, 1,
            getOnlyTotalCount: true);
        return page.TotalCount;
    }
}
