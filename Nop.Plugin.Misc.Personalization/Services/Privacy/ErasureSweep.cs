using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// Daily: deletes plugin rows whose customer is gone (guests nopCommerce deletes in bulk without events) or marked
/// deleted (a deletion whose erasure failed), the customers' reminder marks, events of erased customers a node's
/// queue wrote after the erasure, and erasure log rows past <see cref="ErasureOptions.LogDays"/>. Works a few hundred
/// customers per statement within a time budget; what is left waits for the next day.
/// </summary>
public class ErasureSweep
{
    private readonly IRepository<Customer> _customerRepository;
    private readonly IRepository<PersonalizationErasure> _erasureRepository;
    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly IRepository<GenericAttribute> _genericAttributeRepository;
    private readonly ErasureOptions _options;
    private readonly IReadOnlyList<CustomerRows> _tables;
    private readonly TimeProvider _timeProvider;

    public ErasureSweep(IRepository<Customer> customerRepository,
        IRepository<PersonalizationErasure> erasureRepository,
        IRepository<PersonalizationEvent> eventRepository,
        IRepository<GenericAttribute> genericAttributeRepository,
        ErasureOptions options,
        CustomerKeyedTables tables,
        TimeProvider timeProvider)
    {
        _customerRepository = customerRepository;
        _erasureRepository = erasureRepository;
        _eventRepository = eventRepository;
        _genericAttributeRepository = genericAttributeRepository;
        _options = options;
        _tables = tables.All;
        _timeProvider = timeProvider;
    }

    public async Task<ErasureCounts> SweepAsync(CancellationToken cancellationToken = default)
    {
        var started = _timeProvider.GetTimestamp();
        var deleted = new Dictionary<Type, int>();
        foreach (var table in _tables)
        {
            deleted[table.Entity] = 0;
            while (_timeProvider.GetElapsedTime(started) < _options.SweepBudget)
            {
                var customers = await table.OrphanedCustomersAsync(_options.SweepCustomers);
                if (customers.Count == 0)
                    break;

                deleted[table.Entity] += await table.DeleteAsync(customers, _options.BatchSize, cancellationToken);
            }
        }

        var counts = CustomerKeyedTables.Count(deleted);
        counts = counts with { Events = counts.Events + await DeleteLateEventsAsync() };

        //nopCommerce's permanent delete removes all attributes; a plain delete leaves them
        var keys = CustomerKeyedData.CustomerAttributes.Concat(CustomerKeyedData.CustomerChoices).ToArray();
        var customerTable = _customerRepository.Table;
        var attributes = await _genericAttributeRepository.DeleteAsync(attribute => attribute.KeyGroup == nameof(Customer)
            && keys.Contains(attribute.Key)
            && !customerTable.Any(customer => customer.Id == attribute.EntityId && !customer.Deleted));

        var logCutoff = _timeProvider.GetUtcNow().UtcDateTime.AddDays(-_options.LogDays);
        await _erasureRepository.DeleteAsync(erasure => erasure.ErasedOnUtc < logCutoff);

        return counts with { Attributes = attributes };
    }

    /// <summary>
    /// Events queued before an erasure and written after it (a node that had not yet read the erasure log).
    /// </summary>
    private async Task<int> DeleteLateEventsAsync()
    {
        var erasures = await _erasureRepository.GetAllAsync(query => query);
        var deleted = 0;
        foreach (var erasure in erasures.GroupBy(erasure => erasure.CustomerId).Select(group => group.MaxBy(erasure => erasure.ErasedOnUtc)))
        {
            var customerId = erasure.CustomerId;
            var erasedOnUtc = erasure.ErasedOnUtc;
            deleted += await _eventRepository.DeleteAsync(e => e.CustomerId == customerId && e.CreatedOnUtc <= erasedOnUtc);
        }

        return deleted;
    }
}
