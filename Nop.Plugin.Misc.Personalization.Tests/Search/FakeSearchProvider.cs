using Nop.Services.Catalog;
using Nop.Services.Plugins;

namespace Nop.Plugin.Misc.Personalization.Tests.Search;

/// <summary>Another installed search provider: answers a fixed order, or throws; remembers what it was asked.</summary>
internal sealed class FakeSearchProvider : ISearchProvider
{
    private readonly List<int> _answer;
    private readonly Exception _failure;

    public FakeSearchProvider(string systemName, List<int> answer = null, Exception failure = null)
    {
        PluginDescriptor = new PluginDescriptor { SystemName = systemName, FriendlyName = systemName + " search" };
        _answer = answer ?? [];
        _failure = failure;
    }

    public List<(string Keywords, bool IsLocalized)> Calls { get; } = [];

    public PluginDescriptor PluginDescriptor { get; set; }

    public Task<List<int>> SearchProductsAsync(string keywords, bool isLocalized)
    {
        Calls.Add((keywords, isLocalized));
        return _failure == null ? Task.FromResult(_answer.ToList()) : Task.FromException<List<int>>(_failure);
    }

    public string GetConfigurationPageUrl() => null;

    public Task InstallAsync() => Task.CompletedTask;

    public Task InstallSampleDataAsync() => Task.CompletedTask;

    public Task UninstallAsync() => Task.CompletedTask;

    public Task UpdateAsync(string currentVersion, string targetVersion) => Task.CompletedTask;

    public Task PreparePluginToUninstallAsync() => Task.CompletedTask;
}
