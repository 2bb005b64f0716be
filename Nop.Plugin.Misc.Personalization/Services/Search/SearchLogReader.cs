using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Search;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// Reads the searches of recent days, what shoppers did with products after them and the clicks on search results,
/// per store, for the query statistics. A search click carries its own query, so anonymous ones count too.
/// </summary>
public class SearchLogReader
{
    public const int PAGE_SIZE = 50_000;

    private static readonly int[] _types =
    [
        (int)InteractionType.Search, (int)InteractionType.View, (int)InteractionType.AddToCart,
        (int)InteractionType.Purchase, (int)InteractionType.RecommendationClick, (int)InteractionType.SearchClick
    ];

    private const int SEARCH_CLICK = (int)InteractionType.SearchClick;

    private readonly IRepository<PersonalizationEvent> _eventRepository;

    public SearchLogReader(IRepository<PersonalizationEvent> eventRepository)
    {
        _eventRepository = eventRepository;
    }

    public async Task<IReadOnlyDictionary<int, StoreSearchLog>> ReadAsync(DateTime sinceUtc, int maxEvents)
    {
        var result = new Dictionary<int, StoreSearchLog>();
        var read = 0;
        var lastId = 0;
        while (read < maxEvents)
        {
            var afterId = lastId;
            var page = await _eventRepository.GetAllAsync(query => query
                .Where(e => e.Id > afterId && e.CreatedOnUtc >= sinceUtc && (e.CustomerId != 0 || e.EventType == SEARCH_CLICK) && _types.Contains(e.EventType))
                .OrderBy(e => e.Id)
                .Take(PAGE_SIZE));
            if (page.Count == 0)
                break;

            foreach (var e in page)
            {
                if (!result.TryGetValue(e.StoreId, out var log))
                    result[e.StoreId] = log = new StoreSearchLog();
                if (e.EventType == (int)InteractionType.Search)
                    log.Searches.Add(new SearchLogEntry(e.CustomerId, e.CreatedOnUtc, e.Query));
                else if (e.EventType == SEARCH_CLICK)
                    log.Clicks.Add(new SearchClickEntry(e.CustomerId, e.CreatedOnUtc, e.Query, e.ProductId));
                else
                    log.Interactions.Add(new Interaction(e.StoreId, e.CustomerId, e.ProductId, (InteractionType)e.EventType, e.CreatedOnUtc));
            }

            read += page.Count;
            lastId = page[^1].Id;
        }

        return result;
    }
}
