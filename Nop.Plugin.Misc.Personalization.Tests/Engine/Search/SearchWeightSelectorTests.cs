using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Search;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Search;

[TestFixture]
public class SearchWeightSelectorTests
{
    private static readonly DateTime _t0 = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    private sealed class Signals(double affinityOfSecond, double trendingOfFirst) : ISearchSignals
    {
        public double Affinity(int productId) => productId == 2 ? affinityOfSecond : 0;
        public double Query(int productId) => 0;
        public double Trending(int productId) => productId == 1 ? trendingOfFirst : 0;
    }

    private static HeldOutSearch Search(int chosen, double affinityOfSecond = 0, double trendingOfFirst = 0) =>
        new([new SearchCandidate(1, 1.0), new SearchCandidate(2, 0.8), new SearchCandidate(3, 0.5)], new Signals(affinityOfSecond, trendingOfFirst), chosen);

    [Test]
    public void WhenShoppersChooseWhatTheyLikeTheAffinityWeightIsChosen()
    {
        var searches = Enumerable.Range(0, 40).Select(i => i % 4 == 0 ? Search(1) : Search(2, affinityOfSecond: 0.9)).ToList();

        var (weights, mrr, textOnly) = SearchWeightSelector.Select(searches);

        weights.Affinity.Should().BeGreaterThan(0);
        mrr.Should().BeGreaterThan(textOnly);
    }

    [Test]
    public void ASignalThatDoesNotHelpGetsNoWeight()
    {
        //trending points at product 1, but shoppers chose 1 anyway: text alone already ranks it first
        var searches = Enumerable.Range(0, 40).Select(_ => Search(1, trendingOfFirst: 1)).ToList();

        SearchWeightSelector.Select(searches).Weights.Should().Be(SearchWeights.TextOnly);
    }

    [Test]
    public void TooFewHeldOutSearchesKeepTheDefaults()
    {
        var searches = Enumerable.Range(0, SearchWeightSelector.MIN_SEARCHES - 1).Select(_ => Search(2, affinityOfSecond: 1)).ToList();

        SearchWeightSelector.Select(searches).Weights.Should().Be(SearchWeights.Default);
    }

    [Test]
    public void TheHoldoutIsTheLatestSearchesWithWhatTheShopperChoseNext()
    {
        var searches = Enumerable.Range(0, 10).Select(i => new SearchLogEntry(i, _t0.AddHours(i), "lamp")).ToList();
        var interactions = Enumerable.Range(0, 10).Select(i => new Interaction(1, i, 100 + i, InteractionType.View, _t0.AddHours(i).AddMinutes(5)))
            .Append(new Interaction(1, 9, 555, InteractionType.View, _t0.AddHours(9).AddMinutes(1)))
            .ToList();

        var (cutoff, heldOut) = new SearchHoldout { HeldOutShare = 0.2 }.Split(searches, interactions);

        cutoff.Should().Be(_t0.AddHours(8));
        heldOut.Select(held => (held.Search.CustomerId, held.ChosenProductId)).Should().Equal((8, 108), (9, 555));
    }
}
