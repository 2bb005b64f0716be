using Nop.Plugin.Misc.Personalization.Engine.Search;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Search;

[TestFixture]
public class SearchRankerTests
{
    // 1 is the better text match; 2 matches a little less well and carries whichever signal a test gives it
    private static readonly SearchCandidate[] _candidates = [new(1, 1.0), new(2, 0.8)];

    private sealed class Signals : ISearchSignals
    {
        public Dictionary<int, double> Affinities { get; } = [];
        public Dictionary<int, double> Queries { get; } = [];
        public Dictionary<int, double> Trends { get; } = [];

        public double Affinity(int productId) => Affinities.GetValueOrDefault(productId);
        public double Query(int productId) => Queries.GetValueOrDefault(productId);
        public double Trending(int productId) => Trends.GetValueOrDefault(productId);
    }

    private static int[] Order(Signals signals, SearchWeights weights) =>
        SearchRanker.Rank(_candidates, signals, weights).Select(result => result.ProductId).ToArray();

    [Test]
    public void WithoutSignalsTheTextOrderStands()
    {
        Order(new Signals(), SearchWeights.Default).Should().Equal(1, 2);
    }

    [Test]
    public void ShopperAffinityLiftsAWeakerTextMatch()
    {
        var signals = new Signals { Affinities = { [2] = 0.9 } };

        Order(signals, new SearchWeights(1, 0, 0)).Should().Equal(2, 1);
        Order(signals, new SearchWeights(0, 1, 1)).Should().Equal(new[] { 1, 2 }, "only the affinity term carries this signal");
    }

    [Test]
    public void QueryStatisticsLiftAWeakerTextMatch()
    {
        var signals = new Signals { Queries = { [2] = 0.9 } };

        Order(signals, new SearchWeights(0, 1, 0)).Should().Equal(2, 1);
        Order(signals, new SearchWeights(1, 0, 1)).Should().Equal(new[] { 1, 2 }, "only the query term carries this signal");
    }

    [Test]
    public void TrendingLiftsAWeakerTextMatch()
    {
        var signals = new Signals { Trends = { [2] = 0.9 } };

        Order(signals, new SearchWeights(0, 0, 1)).Should().Equal(2, 1);
        Order(signals, new SearchWeights(1, 1, 0)).Should().Equal(new[] { 1, 2 }, "only the trending term carries this signal");
    }

    [Test]
    public void ScoreIsRelevanceTimesOnePlusTheWeightedSignals()
    {
        var signals = new Signals { Affinities = { [2] = 0.5 }, Queries = { [2] = 0.25 }, Trends = { [2] = 1 } };

        SearchRanker.Score(new SearchCandidate(2, 0.8), signals, new SearchWeights(2, 4, 0.5)).Should().BeApproximately(0.8 * (1 + 1 + 1 + 0.5), 1e-12);
    }

    [Test]
    public void SignalsOutsideTheUnitRangeOrNotFiniteAreClamped()
    {
        var signals = new Signals { Affinities = { [2] = double.NaN }, Queries = { [2] = 50 }, Trends = { [2] = -3 } };

        SearchRanker.Score(new SearchCandidate(2, 0.8), signals, new SearchWeights(1, 1, 1)).Should().BeApproximately(0.8 * 2, 1e-12);
    }

    [Test]
    public void EqualScoresKeepTheIndexOrder()
    {
        SearchCandidate[] tied = [new(5, 0.5), new(3, 0.5), new(9, 0.5)];

        SearchRanker.Rank(tied, new Signals(), SearchWeights.Default).Select(result => result.ProductId).Should().Equal(5, 3, 9);
    }
}
