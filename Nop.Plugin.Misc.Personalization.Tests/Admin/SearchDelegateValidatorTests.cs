using Nop.Plugin.Misc.Personalization.Models;

namespace Nop.Plugin.Misc.Personalization.Tests.Admin;

[TestFixture]
public class SearchDelegateValidatorTests
{
    private static readonly string[] _installedOthers = ["SearchPlugin.Lucene", "SearchPlugin.Other"];

    [TestCase(null)]
    [TestCase("")]
    [TestCase("SearchPlugin.Lucene")]
    [TestCase("searchplugin.other ")]
    public void TheOwnIndexOrAnInstalledProviderIsAccepted(string chosen)
    {
        SearchDelegateValidator.Validate(new ConfigurationModel { SearchDelegateSystemName = chosen }, _installedOthers).Should().BeEmpty();
    }

    [TestCase("SearchPlugin.Missing")]
    [TestCase("Misc.Personalization")]
    public void AnythingElseIsRefusedWithItsMessage(string chosen)
    {
        var error = SearchDelegateValidator.Validate(new ConfigurationModel { SearchDelegateSystemName = chosen }, _installedOthers).Single();

        error.Property.Should().Be(nameof(ConfigurationModel.SearchDelegateSystemName));
        error.ResourceKey.Should().Be(SearchDelegateValidator.RESOURCE_KEY);
    }
}
