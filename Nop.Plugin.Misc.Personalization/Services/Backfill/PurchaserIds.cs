using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Backfill;

/// <summary>
/// The customer id a backfilled purchase may carry: the same consent rule live capture applies, so history from
/// orders is never more identifiable than what the shop lets the plugin record today.
/// </summary>
public class PurchaserIds
{
    private readonly IRepository<GenericAttribute> _genericAttributeRepository;
    private readonly ISettingService _settingService;

    public PurchaserIds(IRepository<GenericAttribute> genericAttributeRepository, ISettingService settingService)
    {
        _genericAttributeRepository = genericAttributeRepository;
        _settingService = settingService;
    }

    /// <returns>Maps a purchaser of the store to the id to record: the customer's own, or 0 (anonymous).</returns>
    public async Task<Func<int, int>> ForStoreAsync(int storeId, IReadOnlyCollection<int> customerIds)
    {
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(storeId);

        switch (settings.Consent)
        {
            case TrackingConsent.Everyone:
                return customerId => customerId;
            case TrackingConsent.ConsentedOnly:
                var consented = await ConsentedAsync(storeId, customerIds);
                return customerId => consented.Contains(customerId) ? customerId : 0;
            default:
                return _ => 0;
        }
    }

    private async Task<HashSet<int>> ConsentedAsync(int storeId, IReadOnlyCollection<int> customerIds)
    {
        var ids = customerIds.Distinct().ToList();
        var keyGroup = nameof(Customer);
        var key = NopCustomerDefaults.EuCookieLawAcceptedAttribute;

        var attributes = await _genericAttributeRepository.GetAllAsync(query => query.Where(a =>
            a.KeyGroup == keyGroup && a.Key == key && a.StoreId == storeId && ids.Contains(a.EntityId)));

        return attributes
            .Where(a => bool.TryParse(a.Value, out var accepted) && accepted)
            .Select(a => a.EntityId)
            .ToHashSet();
    }
}
