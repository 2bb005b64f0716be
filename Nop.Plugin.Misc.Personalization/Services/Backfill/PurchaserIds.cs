using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Gdpr;
using Nop.Data;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Backfill;

/// <summary>
/// The customer id a backfilled purchase may carry: the same consent rule live capture applies (the store's mode and
/// the shopper's opt-out), so history from orders is never more identifiable than what the shop lets the plugin record
/// today.
/// </summary>
public class PurchaserIds
{
    private readonly IRepository<GdprLog> _gdprLogRepository;
    private readonly IRepository<GenericAttribute> _genericAttributeRepository;
    private readonly ISettingService _settingService;

    public PurchaserIds(IRepository<GdprLog> gdprLogRepository, IRepository<GenericAttribute> genericAttributeRepository, ISettingService settingService)
    {
        _gdprLogRepository = gdprLogRepository;
        _genericAttributeRepository = genericAttributeRepository;
        _settingService = settingService;
    }

    /// <returns>Maps a purchaser of the store to the id to record: the customer's own, or 0 (anonymous).</returns>
    public async Task<Func<int, int>> ForStoreAsync(int storeId, IReadOnlyCollection<int> customerIds)
    {
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(storeId);
        var ids = customerIds.Where(id => id > 0).Distinct().ToList();

        HashSet<int> consented;
        switch (settings.Consent)
        {
            case TrackingConsent.Everyone:
                consented = ids.ToHashSet();
                break;
            case TrackingConsent.CookieBannerAccepted:
                consented = await WithTrueAttributeAsync(NopCustomerDefaults.EuCookieLawAcceptedAttribute, storeId, ids);
                break;
            case TrackingConsent.GdprConsentAccepted when settings.GdprConsentId > 0:
                consented = await AgreedAsync(settings.GdprConsentId, ids);
                break;
            default:
                return _ => 0;
        }

        consented.ExceptWith(await WithTrueAttributeAsync(PersonalizationDefaults.OptedOutAttribute, 0, consented.ToList()));

        return customerId => consented.Contains(customerId) ? customerId : 0;
    }

    private async Task<HashSet<int>> WithTrueAttributeAsync(string key, int storeId, List<int> ids)
    {
        if (ids.Count == 0)
            return [];

        var keyGroup = nameof(Customer);
        var attributes = await _genericAttributeRepository.GetAllAsync(query => query.Where(a =>
            a.KeyGroup == keyGroup && a.Key == key && a.StoreId == storeId && ids.Contains(a.EntityId)));

        return attributes
            .Where(a => bool.TryParse(a.Value, out var value) && value)
            .Select(a => a.EntityId)
            .ToHashSet();
    }

    /// <summary>
    /// nopCommerce's IsConsentAcceptedAsync for many customers: the latest log of the consent (newest time, then id) agrees.
    /// </summary>
    private async Task<HashSet<int>> AgreedAsync(int consentId, List<int> ids)
    {
        if (ids.Count == 0)
            return [];

        var logs = await _gdprLogRepository.GetAllAsync(query => query.Where(log => log.ConsentId == consentId && ids.Contains(log.CustomerId)));

        return logs
            .GroupBy(log => log.CustomerId)
            .Where(answers => answers.OrderByDescending(log => log.CreatedOnUtc).ThenByDescending(log => log.Id).First().RequestTypeId == (int)GdprRequestType.ConsentAgree)
            .Select(answers => answers.Key)
            .ToHashSet();
    }
}
