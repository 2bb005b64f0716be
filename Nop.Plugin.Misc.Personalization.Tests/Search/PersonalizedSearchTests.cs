using Moq;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Engine.Search;
using Nop.Plugin.Misc.Personalization.Services.Search;
using Nop.Plugin.Misc.Personalization.Tests.Engine;

namespace Nop.Plugin.Misc.Personalization.Tests.Search;

[TestFixture]
public class PersonalizedSearchTests
{
    private static readonly int[] _apples = [1, 2, 3];

    [Test]
    public async Task ThrowsUntilTheIndexIsBuiltSoNopCommerceRunsItsStandardSearch()
    {
        var search = new SearchScenario(buildIndex: false).Search();

        await search.Invoking(s => s.SearchAsync("apple")).Should().ThrowAsync<SearchIndexNotReadyException>();
    }

    [Test]
    public async Task AShopperWhoBuysFruitSeesFruitFirstForAnAmbiguousWord()
    {
        var scenario = new SearchScenario().AsCustomer(42, SearchScenario.LoverOf(SearchScenario.FRUIT, 42));

        var result = await scenario.Search().SearchAsync("apple");

        result.Should().BeEquivalentTo(_apples);
        result[0].Should().Be(2);
    }

    [Test]
    public async Task AShopperWhoBuysComputersSeesComputersFirstForTheSameWord()
    {
        var scenario = new SearchScenario().AsCustomer(43, SearchScenario.LoverOf(SearchScenario.COMPUTERS, 43));

        var result = await scenario.Search().SearchAsync("apple");

        result.Take(2).Should().BeEquivalentTo([1, 3]);
    }

    [Test]
    public async Task WithoutConsentTheShoppersHistoryIsNotUsed()
    {
        var scenario = new SearchScenario().AsCustomer(42, SearchScenario.LoverOf(SearchScenario.FRUIT, 42));
        var anonymous = await new SearchScenario().AsCustomer(44).Search().SearchAsync("apple");
        scenario.Consent.Setup(c => c.MayIdentifyAsync(It.IsAny<Customer>(), It.IsAny<int>())).ReturnsAsync(false);

        var result = await scenario.Search().SearchAsync("apple");

        result.Should().Equal(anonymous);
        scenario.History.Verify(h => h.Get(It.IsAny<int>(), It.IsAny<int>()), Times.Never);
    }

    [Test]
    public async Task WhatOtherShoppersClickedAfterTheSameWordsLiftsAProduct()
    {
        var scenario = new SearchScenario().AsCustomer(44);
        var before = await scenario.Search().SearchAsync("apple");
        var clicked = before[^1];
        scenario.IndexHolder.SwapLearnt(new Dictionary<int, LearntSearch>
        {
            [1] = new(new QueryStatsBuilder().Build(
                Enumerable.Range(1, 10).Select(customer => new SearchLogEntry(customer, EventsBuilder.Now.AddDays(-1), "Apple")),
                Enumerable.Range(1, 10).Select(customer => EventsBuilder.Purchase(customer, clicked, 1 - 0.001))), SearchWeights.Default)
        });

        var after = await scenario.Search().SearchAsync("apple");

        after[0].Should().Be(clicked);
    }

    [Test]
    public async Task WithoutATrainedModelTheTextOrderStands()
    {
        var scenario = new SearchScenario(trainModel: false).AsCustomer(42, SearchScenario.LoverOf(SearchScenario.FRUIT, 42));

        var result = await scenario.Search().SearchAsync("apple");

        result.Should().Equal(scenario.IndexHolder.Index.Search("apple", 1, 10).Select(candidate => candidate.ProductId));
    }

    [Test]
    public async Task EachStoreFindsOnlyWhatItSells()
    {
        var scenario = new SearchScenario();

        (await scenario.InStore(1).Search().SearchAsync("juice")).Should().BeEmpty();
        (await scenario.InStore(2).Search().SearchAsync("juice")).Should().Equal(8);
    }

    [Test]
    public async Task ATypoNopCommercesLikeSearchCannotFindIsFound()
    {
        (await new SearchScenario().Search().SearchAsync("macbok")).Should().Equal(3);
    }
}
