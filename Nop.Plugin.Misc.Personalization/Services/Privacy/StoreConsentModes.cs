using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// Each store's consent mode as it applies there (its own setting or the shared one).
/// </summary>
public class StoreConsentModes
{
    private readonly ISettingService _settingService;
    private readonly IRepository<Store> _storeRepository;

    public StoreConsentModes(ISettingService settingService, IRepository<Store> storeRepository)
    {
        _settingService = settingService;
        _storeRepository = storeRepository;
    }

    public async Task<IReadOnlyList<StoreConsentMode>> AllAsync()
    {
        var result = new List<StoreConsentMode>();
        foreach (var store in await _storeRepository.GetAllAsync(query => query.OrderBy(s => s.Id)))
        {
            var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(store.Id);
            result.Add(new StoreConsentMode(store.Id, settings.Consent, settings.GdprConsentId));
        }

        return result;
    }

    /// <returns>Whether the store has its own consent setting (so the shared one does not apply to it).</returns>
    public async Task<bool> OverridesAsync(int storeId)
    {
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(storeId);
        return await _settingService.SettingExistsAsync(settings, s => s.Consent, storeId);
    }
}

public readonly record struct StoreConsentMode(int StoreId, TrackingConsent Consent, int GdprConsentId);
