using Nop.Core.Domain.Catalog;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// Makes personalised search the shop's search provider, or stops it being one. nopCommerce 4.90 keeps the choice in
/// CatalogSettings.ActiveSearchProviderSystemName and offers no field for it on its catalog settings page, so the
/// plugin's configuration page does. Switching off leaves another provider the owner chose alone.
/// </summary>
public sealed class SearchProviderSwitch
{
    private readonly ISettingService _settingService;

    public SearchProviderSwitch(ISettingService settingService)
    {
        _settingService = settingService;
    }

    public async Task<bool> IsActiveAsync()
    {
        var catalog = await _settingService.LoadSettingAsync<CatalogSettings>();
        return string.Equals(catalog?.ActiveSearchProviderSystemName, PersonalizationDefaults.SystemName, StringComparison.OrdinalIgnoreCase);
    }

    public async Task SetActiveAsync(bool active)
    {
        var catalog = await _settingService.LoadSettingAsync<CatalogSettings>();
        if (catalog == null || active == await IsActiveAsync())
            return;

        catalog.ActiveSearchProviderSystemName = active ? PersonalizationDefaults.SystemName : string.Empty;
        await _settingService.SaveSettingAsync(catalog, settings => settings.ActiveSearchProviderSystemName);
    }
}
