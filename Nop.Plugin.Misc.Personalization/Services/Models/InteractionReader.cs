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
    /// Product interactions since a time, anonymous ones (customer 0) included (the engine lets them feed only the
    /// anonymous aggregates: trending, seasonality), at most <paramref name="maxEvents"/> of them: when more were recorded
    /// since <paramref name="sinceUtc"/>, only those after a later instant are read, so the newest ones are kept (those at
    /// the instant itself are left out too, so a run never reads more than the limit).
    /// </summary>
    public async Task<TrainingRead> ReadNewestAsync(DateTime sinceUtc, int maxEvents)
    {
        var from = sinceUtc;
        var capped = false;
        var expected = 0;
        if (maxEvents < int.MaxValue)
        {
            var recorded = await _eventRepository.GetAllPagedAsync(query => Training(query, sinceUtc), getOnlyTotalCount: true);
            expected = Math.Min(recorded.TotalCount, maxEvents);
            if (recorded.TotalCount > maxEvents)
            {
                var oldestLeftOut = (await _eventRepository.GetAllAsync(query => Training(query, sinceUtc)
                        .OrderByDescending(e => e.CreatedOnUtc)
                        .Skip(maxEvents)
                        .Take(1)))
                    .Single().CreatedOnUtc;
                //one microsecond: the finest step PostgreSQL stores (a tick would round back to the same instant)
                from = oldestLeftOut.AddTicks(TimeSpan.TicksPerMicrosecond);
                capped = true;
            }
        }

        //sized to the count: a list that doubles its way up holds up to twice the events and copies them on the way
        var interactions = new List<Interaction>(expected);
        var lastId = 0;
        while (true)
        {
            var afterId = lastId;
            var page = await _eventRepository.GetAllAsync(query => Training(query, from)
                .Where(e => e.Id > afterId)
                .OrderBy(e => e.Id)
                .Take(PAGE_SIZE));
            if (page.Count == 0)
                return new TrainingRead(interactions, capped, from);

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

    private static IQueryable<PersonalizationEvent> Training(IQueryable<PersonalizationEvent> query, DateTime sinceUtc) =>
        query.Where(e => e.CreatedOnUtc >= sinceUtc && e.ProductId > 0 && _trainingTypes.Contains(e.EventType));

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
