using Nop.Plugin.Misc.Personalization.Engine.Search;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Search;

[TestFixture]
public class DelegatedCandidatesTests
{
    [Test]
    public void TheProvidersOrderBecomesFallingRelevanceWithoutRepeatsOrBadIds()
    {
        var candidates = DelegatedCandidates.FromOrder([7, 3, 7, 0, -2, 9], 10);

        candidates.Select(candidate => candidate.ProductId).Should().Equal(7, 3, 9);
        candidates[0].Relevance.Should().Be(1);
        candidates.Select(candidate => candidate.Relevance).Should().BeInDescendingOrder();
        candidates.Should().OnlyContain(candidate => candidate.Relevance > 0);
    }

    [Test]
    public void TheTenthMatchCountsHalfAndTheListIsCutAtTheMaximum()
    {
        var candidates = DelegatedCandidates.FromOrder(Enumerable.Range(1, 50), 20);

        candidates.Should().HaveCount(20);
        candidates[9].Relevance.Should().BeApproximately(0.5, 1e-9);
    }
}
