using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// The daily check that identified data matches the consent that applies now: in every store, rows of customers its
/// consent mode does not allow lose their customer (as after a confirmed switch), and so do the rows of shoppers who
/// switched personalisation off. Catches what the immediate removal missed (a full event buffer dropped the request,
/// a node stopped before writing it, a mode changed without the configuration page).
/// </summary>
public class ConsentEnforcement
{
    public const int BATCH_SIZE = 1_000;

    private readonly IRepository<GenericAttribute> _attributeRepository;
    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly IRepository<PersonalizationProfile> _profileRepository;
    private readonly IdentifiedDataRemoval _removal;
    private readonly StoreConsentModes _storeConsentModes;

    public ConsentEnforcement(IRepository<GenericAttribute> attributeRepository,
        IRepository<PersonalizationEvent> eventRepository,
        IRepository<PersonalizationProfile> profileRepository,
        IdentifiedDataRemoval removal,
        StoreConsentModes storeConsentModes)
    {
        _attributeRepository = attributeRepository;
        _eventRepository = eventRepository;
        _profileRepository = profileRepository;
        _removal = removal;
        _storeConsentModes = storeConsentModes;
    }

    public async Task<IdentifiedDataCounts> EnforceAsync(CancellationToken cancellationToken = default)
    {
        var removed = default(IdentifiedDataCounts);
        foreach (var store in await _storeConsentModes.AllAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            removed += await _removal.RemoveAsync(store.StoreId, store.Consent, store.GdprConsentId);
        }

        var keyGroup = nameof(Customer);
        var key = PersonalizationDefaults.OptedOutAttribute;
        var optedOut = (await _attributeRepository.GetAllAsync(query => query
                .Where(attribute => attribute.KeyGroup == keyGroup && attribute.Key == key && (attribute.Value == "True" || attribute.Value == "true"))))
            .Select(attribute => attribute.EntityId)
            .Distinct()
            .ToArray();
        foreach (var batch in optedOut.Chunk(BATCH_SIZE))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stillNamed = (await _eventRepository.GetAllAsync(query => query.Where(e => batch.Contains(e.CustomerId))))
                .Select(e => e.CustomerId)
                .Concat((await _profileRepository.GetAllAsync(query => query.Where(p => batch.Contains(p.CustomerId)))).Select(p => p.CustomerId))
                .Distinct();
            foreach (var customerId in stillNamed)
                removed += await _removal.ForgetCustomerAsync(customerId);
        }

        return removed;
    }
}
