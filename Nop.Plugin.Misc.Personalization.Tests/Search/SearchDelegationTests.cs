using Moq;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Services.Search;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Search;

/// <summary>
/// Personalised search on top of another installed search provider: it finds, the plugin re-ranks; when it fails or is
/// gone, the plugin's own index answers.
/// </summary>
[TestFixture]
public class SearchDelegationTests
{
    private const string OTHER = "SearchPlugin.Other";

    [Test]
    public async Task TheOtherProviderFindsAndTheShoppersTasteReRanks()
    {
        //the other provider puts the computers first; a shopper who buys fruit gets the fruit apple first
        var provider = new FakeSearchProvider(OTHER, [1, 2, 3]);
        var scenario = new SearchScenario().AsCustomer(42, SearchScenario.LoverOf(SearchScenario.FRUIT, 42)).DelegatingTo(OTHER, provider);

        var result = await scenario.Search().SearchAsync("apple", isLocalized: true);

        result.Should().BeEquivalentTo([1, 2, 3], "the plugin only re-ranks what the other provider found");
        result[0].Should().Be(2);
        provider.Calls.Should().Equal(("apple", true));
    }

    [Test]
    public async Task ProductsOurIndexDoesNotKnowStayInTheAnswer()
    {
        var provider = new FakeSearchProvider(OTHER, [99, 4]);
        var scenario = new SearchScenario().DelegatingTo(OTHER, provider);

        var result = await scenario.Search().SearchAsync("banana", false);

        result.Should().BeEquivalentTo([99, 4]);
    }

    [Test]
    public async Task TheOtherProviderAnswersWhileOurIndexIsNotBuilt()
    {
        var scenario = new SearchScenario(buildIndex: false).DelegatingTo(OTHER, new FakeSearchProvider(OTHER, [6, 7]));

        (await scenario.Search().SearchAsync("laptop", false)).Should().BeEquivalentTo([6, 7]);
    }

    [Test]
    public async Task WhenTheOtherProviderThrowsOurIndexAnswersAndTheOwnerIsToldWithoutTheSearchText()
    {
        var ownAnswer = await new SearchScenario().Search().SearchAsync("apple", false);
        var scenario = new SearchScenario().DelegatingTo(OTHER, new FakeSearchProvider(OTHER, failure: new InvalidOperationException("index server down for apple")));

        var result = await scenario.Search().SearchAsync("apple", false);

        result.Should().Equal(ownAnswer);
        var warning = scenario.Log.Warnings.Single();
        warning.Message.Should().Contain(OTHER).And.NotContain("apple");
    }

    [Test]
    public async Task WhenTheOtherProviderThrowsAndOurIndexIsNotBuiltNopCommercesStandardSearchAnswers()
    {
        var scenario = new SearchScenario(buildIndex: false).DelegatingTo(OTHER, new FakeSearchProvider(OTHER, failure: new TimeoutException()));

        await scenario.Search().Invoking(search => search.SearchAsync("apple", false)).Should().ThrowAsync<SearchIndexNotReadyException>();
    }

    [Test]
    public async Task AProviderNoLongerInstalledLeavesTheSearchToOurIndex()
    {
        var ownAnswer = await new SearchScenario().Search().SearchAsync("apple", false);
        var scenario = new SearchScenario().DelegatingTo(OTHER, null);

        (await scenario.Search().SearchAsync("apple", false)).Should().Equal(ownAnswer);
        scenario.Log.Warnings.Should().BeEmpty();
    }

    [Test]
    public async Task ASettingNamingThisPluginItselfIsIgnored()
    {
        var scenario = new SearchScenario();
        scenario.Settings.SearchDelegateSystemName = PersonalizationDefaults.SystemName;

        (await scenario.Search().SearchAsync("apple", false)).Should().BeEquivalentTo([1, 2, 3]);
        scenario.SearchProviders.Verify(p => p.LoadPluginBySystemNameAsync(It.IsAny<string>(), It.IsAny<Customer>(), It.IsAny<int>()), Times.Never);
    }

    [Test]
    public async Task TheAdminListsEveryInstalledSearchProviderButThisPlugin()
    {
        var providers = new Mock<Nop.Services.Plugins.IPluginManager<Nop.Services.Catalog.ISearchProvider>>();
        providers.Setup(p => p.LoadAllPluginsAsync(It.IsAny<Customer>(), It.IsAny<int>()))
            .ReturnsAsync([new FakeSearchProvider("Zeta"), new FakeSearchProvider(PersonalizationDefaults.SystemName), new FakeSearchProvider("Alpha")]);

        var listed = await new SearchDelegation(providers.Object, new PersonalizationSettings()).InstalledOthersAsync();

        listed.Should().Equal(("Alpha", "Alpha search"), ("Zeta", "Zeta search"));
    }
}
