using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// Makes every node forget customers in memory: a row per customer in the erasure log (other nodes read it at their
/// next poll, <see cref="ErasurePoller"/>) and this node at once. Used when a customer is erased and when identified
/// data is removed for missing consent (a withdrawal, an opt-out, a stricter consent mode).
/// </summary>
public class CustomerForgetting
{
    public const int BATCH_SIZE = 1_000;

    private readonly IRepository<PersonalizationErasure> _erasureRepository;
    private readonly CustomerEviction _eviction;
    private readonly TimeProvider _timeProvider;

    public CustomerForgetting(IRepository<PersonalizationErasure> erasureRepository, CustomerEviction eviction, TimeProvider timeProvider)
    {
        _erasureRepository = erasureRepository;
        _eviction = eviction;
        _timeProvider = timeProvider;
    }

    /// <returns>The time of forgetting: events of these customers created before it are not stored any more.</returns>
    public async Task<DateTime> ForgetAsync(IReadOnlyCollection<int> customerIds)
    {
        var forgottenOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
        var ids = customerIds.Where(id => id > 0).Distinct().ToList();
        if (ids.Count == 0)
            return forgottenOnUtc;

        //logged first: a failure half-way still makes every node forget
        foreach (var batch in ids.Chunk(BATCH_SIZE))
        {
            await _erasureRepository.InsertAsync(batch.Select(id => new PersonalizationErasure { CustomerId = id, ErasedOnUtc = forgottenOnUtc }).ToList(),
                publishEvent: false);
        }

        _eviction.Evict(ids.Select(id => (id, forgottenOnUtc)).ToList());
        return forgottenOnUtc;
    }
}
