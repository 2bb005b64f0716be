using Nop.Services.Catalog;
using Nop.Services.Plugins;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// The other search provider the owner chose to find the candidates (setting
/// <see cref="PersonalizationSettings.SearchDelegateSystemName"/>): the plugin then only re-ranks what it found.
/// </summary>
public class SearchDelegation
{
    private readonly IPluginManager<ISearchProvider> _searchProviders;
    private readonly PersonalizationSettings _settings;

    public SearchDelegation(IPluginManager<ISearchProvider> searchProviders, PersonalizationSettings settings)
    {
        _searchProviders = searchProviders;
        _settings = settings;
    }

    /// <summary>The provider's system name, or null when none is set (the plugin's own index searches).</summary>
    public string DelegateSystemName =>
        string.IsNullOrWhiteSpace(_settings.SearchDelegateSystemName) || IsOurs(_settings.SearchDelegateSystemName)
            ? null
            : _settings.SearchDelegateSystemName.Trim();

    /// <returns>The provider's matches, best first; null when no provider is set or it is no longer installed.</returns>
    /// <remarks>Whatever the provider throws reaches the caller.</remarks>
    public async Task<List<int>> SearchAsync(string keywords, bool isLocalized)
    {
        var systemName = DelegateSystemName;
        if (systemName == null)
            return null;

        var provider = await _searchProviders.LoadPluginBySystemNameAsync(systemName);
        if (provider == null || IsOurs(provider.PluginDescriptor?.SystemName))
            return null;

        return await provider.SearchProductsAsync(keywords, isLocalized) ?? [];
    }

    /// <summary>The installed search providers the owner can delegate to (every one but this plugin), by system name.</summary>
    public async Task<IReadOnlyList<(string SystemName, string FriendlyName)>> InstalledOthersAsync()
    {
        var providers = await _searchProviders.LoadAllPluginsAsync();
        return providers
            .Select(provider => provider.PluginDescriptor)
            .Where(descriptor => descriptor != null && !string.IsNullOrEmpty(descriptor.SystemName) && !IsOurs(descriptor.SystemName))
            .Select(descriptor => (descriptor.SystemName, string.IsNullOrEmpty(descriptor.FriendlyName) ? descriptor.SystemName : descriptor.FriendlyName))
            .OrderBy(provider => provider.Item2, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static bool IsOurs(string systemName) =>
        string.Equals(systemName?.Trim(), PersonalizationDefaults.SystemName, StringComparison.OrdinalIgnoreCase);
}
