using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Search;
using Nop.Plugin.Misc.Personalization.Tests.Backfill;

namespace Nop.Plugin.Misc.Personalization.Tests.Search;

[TestFixture]
public class SearchProviderSwitchTests
{
    private InMemorySettings _settings;

    [SetUp]
    public void SetUp() => _settings = new InMemorySettings().Handle<CatalogSettings>();

    private async Task<string> ActiveAsync() => (await _settings.Service.LoadSettingAsync<CatalogSettings>()).ActiveSearchProviderSystemName;

    [Test]
    public async Task SwitchingOnMakesThePluginTheShopsSearchProviderAndOffRestoresTheStandardSearch()
    {
        var providerSwitch = new SearchProviderSwitch(_settings.Service);

        await providerSwitch.SetActiveAsync(true);
        (await ActiveAsync()).Should().Be(PersonalizationDefaults.SystemName);
        (await providerSwitch.IsActiveAsync()).Should().BeTrue();

        await providerSwitch.SetActiveAsync(false);
        (await ActiveAsync()).Should().BeEmpty();
        (await providerSwitch.IsActiveAsync()).Should().BeFalse();
    }

    [Test]
    public async Task SwitchingOffLeavesAnotherProviderAlone()
    {
        var catalog = await _settings.Service.LoadSettingAsync<CatalogSettings>();
        catalog.ActiveSearchProviderSystemName = "SearchProvider.Other";
        await _settings.Service.SaveSettingAsync(catalog);

        await new SearchProviderSwitch(_settings.Service).SetActiveAsync(false);

        (await ActiveAsync()).Should().Be("SearchProvider.Other");
    }
}
