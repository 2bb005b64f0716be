using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// Reads recorded events as engine interactions, in id-ordered pages so memory holds compact structs, not entities.
/// </summary>
public class InteractionReader
{
    public const int PAGE_SIZE = 50_000;

    private static readonly int[] _trainingTypes =
    [
        (int)InteractionType.View, (int)InteractionType.AddToCart, (int)InteractionType.RemoveFromCart,
        (int)InteractionType.Wishlist, (int)InteractionType.Purchase, (int)InteractionType.RecommendationClick
    ];

    private readonly IRepository<PersonalizationEvent> _eventRepository;

    public InteractionReader(IRepository<PersonalizationEvent> eventRepository)
    {
        _eventRepository = eventRepository;
    }

    /// <summary>
    /// Product interactions since a time, anonymous ones (customer 0) included: the engine lets them feed only the
    /// anonymous aggregates (trending, seasonality), never what is learned from one customer's history.
    /// </summary>
    public async Task<List<Interaction>> ReadSinceAsync(DateTime sinceUtc)
    {
        var interactions = new List<Interaction>();
        var lastId = 0;
        while (true)
        {
            var page = await _eventRepository.GetAllAsync(query => query
                .Where(e => e.Id > lastId && e.CreatedOnUtc >= sinceUtc && e.ProductId > 0 && _trainingTypes.Contains(e.EventType))
                .OrderBy(e => e.Id)
                .Take(PAGE_SIZE));
            if (page.Count == 0)
                return interactions;

            foreach (var e in page)
                interactions.Add(ToInteraction(e));

            lastId = page[^1].Id;
        }
    }

    /// <summary>
    /// The most recent interactions of one customer, oldest first.
    /// </summary>
    public async Task<List<Interaction>> ReadCustomerAsync(int storeId, int customerId, int count)
    {
        var recent = await _eventRepository.GetAllAsync(query => query
            .Where(e => e.CustomerId == customerId && e.StoreId == storeId && e.ProductId > 0 && _trainingTypes.Contains(e.EventType))
            .OrderByDescending(e => e.CreatedOnUtc)
            .Take(count));

        return recent.Reverse().Select(ToInteraction).ToList();
    }

    public static Interaction ToInteraction(PersonalizationEvent e) => new(
        e.StoreId,
        e.CustomerId,
        e.ProductId,
        (InteractionType)e.EventType,
        DateTime.SpecifyKind(e.CreatedOnUtc, DateTimeKind.Utc),
        e.Quantity,
        e.Value,
        e.OrderId);
}
