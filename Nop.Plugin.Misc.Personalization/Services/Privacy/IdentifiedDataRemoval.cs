using System.Linq.Expressions;
using Nop.Core;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// Removes what identifies customers whose consent is missing: their events become anonymous (customer and order go;
/// product, type, time, store and quantity stay, so the anonymous aggregates survive) and their profiles and
/// predictions are deleted, in batches, each its own short statement; and every node forgets them in memory
/// (<see cref="CustomerForgetting"/>).
/// </summary>
public class IdentifiedDataRemoval
{
    public const int BATCH_SIZE = 1_000;

    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly CustomerForgetting _forgetting;
    private readonly IRepository<PersonalizationPrediction> _predictionRepository;
    private readonly IRepository<PersonalizationProfile> _profileRepository;
    private readonly UnconsentedCustomers _unconsentedCustomers;

    public IdentifiedDataRemoval(IRepository<PersonalizationEvent> eventRepository,
        CustomerForgetting forgetting,
        IRepository<PersonalizationPrediction> predictionRepository,
        IRepository<PersonalizationProfile> profileRepository,
        UnconsentedCustomers unconsentedCustomers)
    {
        _eventRepository = eventRepository;
        _forgetting = forgetting;
        _predictionRepository = predictionRepository;
        _profileRepository = profileRepository;
        _unconsentedCustomers = unconsentedCustomers;
    }

    /// <returns>What switching the store to the mode would remove.</returns>
    public async Task<IdentifiedDataCounts> CountAsync(int storeId, TrackingConsent mode, int gdprConsentId)
    {
        var rule = _unconsentedCustomers.Rule(storeId, mode, gdprConsentId);
        if (rule == null)
            return default;

        return new IdentifiedDataCounts(
            await CountAsync(_eventRepository, UnconsentedCustomers.RowsOf<PersonalizationEvent>(e => e.CustomerId, e => e.StoreId, storeId, rule)),
            await CountAsync(_profileRepository, UnconsentedCustomers.RowsOf<PersonalizationProfile>(p => p.CustomerId, p => p.StoreId, storeId, rule)),
            await CountAsync(_predictionRepository, UnconsentedCustomers.RowsOf<PersonalizationPrediction>(p => p.CustomerId, p => p.StoreId, storeId, rule)));
    }

    /// <returns>What was removed from the store for customers the mode does not allow.</returns>
    public async Task<IdentifiedDataCounts> RemoveAsync(int storeId, TrackingConsent mode, int gdprConsentId)
    {
        var rule = _unconsentedCustomers.Rule(storeId, mode, gdprConsentId);
        if (rule == null)
            return default;

        var customers = new HashSet<int>();
        var counts = new IdentifiedDataCounts(
            await AnonymiseAsync(UnconsentedCustomers.RowsOf<PersonalizationEvent>(e => e.CustomerId, e => e.StoreId, storeId, rule), customers),
            await DeleteAsync(_profileRepository, UnconsentedCustomers.RowsOf<PersonalizationProfile>(p => p.CustomerId, p => p.StoreId, storeId, rule), p => p.CustomerId, customers),
            await DeleteAsync(_predictionRepository, UnconsentedCustomers.RowsOf<PersonalizationPrediction>(p => p.CustomerId, p => p.StoreId, storeId, rule), p => p.CustomerId, customers));
        await _forgetting.ForgetAsync(customers);

        return counts;
    }

    /// <summary>
    /// A customer who withdrew consent or opted out: in every store.
    /// </summary>
    public async Task<IdentifiedDataCounts> ForgetCustomerAsync(int customerId)
    {
        if (customerId <= 0)
            return default;

        //forgotten first: events of theirs still queued are then not stored with their id
        await _forgetting.ForgetAsync([customerId]);
        var customers = new HashSet<int>();
        return new IdentifiedDataCounts(
            await AnonymiseAsync(e => e.CustomerId == customerId, customers),
            await DeleteAsync(_profileRepository, p => p.CustomerId == customerId, p => p.CustomerId, customers),
            await DeleteAsync(_predictionRepository, p => p.CustomerId == customerId, p => p.CustomerId, customers));
    }

    private static async Task<int> CountAsync<T>(IRepository<T> repository, Expression<Func<T, bool>> rows) where T : BaseEntity
    {
        var page = await repository.GetAllPagedAsync(query => query.Where(rows), 0, 1, getOnlyTotalCount: true);
        return page.TotalCount;
    }

    //updated rows no longer match (their customer is 0), so each batch reads the next ones
    private async Task<int> AnonymiseAsync(Expression<Func<PersonalizationEvent, bool>> rows, ISet<int> customers)
    {
        var total = 0;
        while (true)
        {
            var batch = await _eventRepository.GetAllAsync(query => query.Where(rows).OrderBy(e => e.Id).Take(BATCH_SIZE));
            if (batch.Count == 0)
                return total;

            foreach (var personalizationEvent in batch)
            {
                customers.Add(personalizationEvent.CustomerId);
                personalizationEvent.CustomerId = 0;
                personalizationEvent.OrderId = 0;
            }
            await _eventRepository.UpdateAsync(batch, publishEvent: false);
            total += batch.Count;
        }
    }

    private static async Task<int> DeleteAsync<T>(IRepository<T> repository, Expression<Func<T, bool>> rows, Func<T, int> customerOf,
        ISet<int> customers) where T : BaseEntity
    {
        var total = 0;
        while (true)
        {
            var batch = await repository.GetAllAsync(query => query.Where(rows).OrderBy(e => e.Id).Take(BATCH_SIZE));
            if (batch.Count == 0)
                return total;

            customers.UnionWith(batch.Select(customerOf));
            await repository.DeleteAsync(batch, publishEvent: false);
            total += batch.Count;
        }
    }
}
