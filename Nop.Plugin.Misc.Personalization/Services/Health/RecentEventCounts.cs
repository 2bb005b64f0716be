using Nop.Core.Caching;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Services.Health;

/// <summary>
/// How many events a store recorded in the last hour and the last 24 hours, the latter also by kind of shopper
/// activity: counts over the event table's creation-date index, kept for a minute so that reloading the configuration
/// page does not count again.
/// </summary>
public class RecentEventCounts
{
    public const int CACHE_MINUTES = 1;

    /// <summary>The kinds of shopper activity the checklist breaks the last day down into.</summary>
    public static readonly InteractionType[] Kinds =
    [
        InteractionType.View, InteractionType.Search, InteractionType.AddToCart, InteractionType.Wishlist, InteractionType.Purchase,
        InteractionType.RecommendationClick
    ];

    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly IStaticCacheManager _staticCacheManager;

    public RecentEventCounts(IRepository<PersonalizationEvent> eventRepository, IStaticCacheManager staticCacheManager)
    {
        _eventRepository = eventRepository;
        _staticCacheManager = staticCacheManager;
    }

    public async Task<RecentEvents> CountAsync(int storeId, DateTime nowUtc)
    {
        var key = new CacheKey($"Nop.plugins.misc.personalization.health.events.{storeId}") { CacheTime = CACHE_MINUTES };
        var counts = await _staticCacheManager.GetAsync(key, async () =>
        {
            var dayAgo = nowUtc.AddDays(-1);
            var values = new List<long> { await CountSinceAsync(storeId, nowUtc.AddHours(-1), null), await CountSinceAsync(storeId, dayAgo, null) };
            foreach (var kind in Kinds)
                values.Add(await CountSinceAsync(storeId, dayAgo, (int)kind));
            return values.ToArray();
        });

        return new RecentEvents(counts[0], counts[1], Kinds.Select((kind, i) => (kind, counts[i + 2])).ToDictionary(pair => pair.kind, pair => pair.Item2));
    }

    private async Task<long> CountSinceAsync(int storeId, DateTime sinceUtc, int? eventType)
    {
        var page = await _eventRepository.GetAllPagedAsync(query =>
        {
            query = query.Where(e => e.CreatedOnUtc >= sinceUtc && e.StoreId == storeId);
            return eventType is { } type ? query.Where(e => e.EventType == type) : query;
        }, 0, 1, getOnlyTotalCount: true);
        return page.TotalCount;
    }
}
