using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// What a change of the consent setting means for the data already recorded: in every store where the applied mode
/// changes to one that needs consent, the identified data of customers without that consent is removed.
/// </summary>
public class ConsentModeSwitch
{
    private readonly IdentifiedDataRemoval _identifiedDataRemoval;
    private readonly ISettingService _settingService;
    private readonly StoreConsentModes _storeConsentModes;

    public ConsentModeSwitch(IdentifiedDataRemoval identifiedDataRemoval, ISettingService settingService, StoreConsentModes storeConsentModes)
    {
        _identifiedDataRemoval = identifiedDataRemoval;
        _settingService = settingService;
        _storeConsentModes = storeConsentModes;
    }

    /// <param name="storeScope">The store the configuration page edits (0 = the shared setting).</param>
    /// <param name="overrideForStore">For a store scope: whether the store keeps its own setting (else the shared one applies).</param>
    /// <returns>The stores whose data must be checked, with the mode that will apply there.</returns>
    public async Task<IReadOnlyList<StoreConsentMode>> StricterStoresAsync(int storeScope, TrackingConsent consent, int gdprConsentId, bool overrideForStore)
    {
        var result = new List<StoreConsentMode>();
        foreach (var current in await _storeConsentModes.AllAsync())
        {
            StoreConsentMode next;
            if (storeScope == 0)
            {
                if (await _storeConsentModes.OverridesAsync(current.StoreId))
                    continue;
                next = new StoreConsentMode(current.StoreId, consent, gdprConsentId);
            }
            else
            {
                if (current.StoreId != storeScope)
                    continue;
                var shared = await _settingService.LoadSettingAsync<PersonalizationSettings>();
                next = overrideForStore
                    ? new StoreConsentMode(current.StoreId, consent, gdprConsentId)
                    : new StoreConsentMode(current.StoreId, shared.Consent, shared.GdprConsentId);
            }

            if (NeedsConsentItDidNotNeed(current, next))
                result.Add(next);
        }

        return result;
    }

    public async Task<IdentifiedDataCounts> CountAsync(IReadOnlyList<StoreConsentMode> stores)
    {
        var counts = default(IdentifiedDataCounts);
        foreach (var store in stores)
            counts += await _identifiedDataRemoval.CountAsync(store.StoreId, store.Consent, store.GdprConsentId);

        return counts;
    }

    public async Task<IdentifiedDataCounts> RemoveAsync(IReadOnlyList<StoreConsentMode> stores)
    {
        var counts = default(IdentifiedDataCounts);
        foreach (var store in stores)
            counts += await _identifiedDataRemoval.RemoveAsync(store.StoreId, store.Consent, store.GdprConsentId);

        return counts;
    }

    /// <summary>
    /// Any change towards a mode that needs consent (another consent counts as a change): what was collected under the
    /// old mode may lack it.
    /// </summary>
    public static bool NeedsConsentItDidNotNeed(StoreConsentMode current, StoreConsentMode next) =>
        next.Consent != TrackingConsent.Everyone
        && (current.Consent != next.Consent
            || (next.Consent == TrackingConsent.GdprConsentAccepted && current.GdprConsentId != next.GdprConsentId));
}
