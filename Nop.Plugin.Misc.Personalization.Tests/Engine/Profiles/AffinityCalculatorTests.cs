using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Profiles;

[TestFixture]
public class AffinityCalculatorTests
{
    private static readonly DateTime _now = new(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static readonly Dictionary<int, ProductFacts> _products = new()
    {
        [1] = new ProductFacts(1, new[] { 1 }, 7, 10m, true, true, _now.AddYears(-1)),
        [2] = new ProductFacts(2, new[] { 2 }, 0, 20m, true, true, _now.AddYears(-1))
    };

    [TestCase(0, 1.0)]
    [TestCase(90, 0.5)]
    [TestCase(180, 0.25)]
    [TestCase(-5, 1.0)]
    public void DecayHalvesEveryHalfLife(double ageDays, double expected)
    {
        AffinityCalculator.Decay(_now.AddDays(-ageDays), _now, 90).Should().BeApproximately(expected, 1e-12);
    }

    [Test]
    public void ScoresAreSharesOfDecayedTypeWeightedActivity()
    {
        // view of product 1 now: 1 × 1; purchase of product 2 one half-life ago: 5 × 0.5 = 2.5; total 3.5
        var interactions = new[]
        {
            new Interaction(1, 9, 1, InteractionType.View, _now),
            new Interaction(1, 9, 2, InteractionType.Purchase, _now.AddDays(-90), 1, 20m, 100)
        };
        var bands = PriceBands.FromPrices(new[] { 10m, 20m }, 2);
        var options = new ProfileOptions { AffinityHalfLifeDays = 90, MinAffinityScore = 0 };

        var affinities = AffinityCalculator.Compute(interactions, _products, bands, _now, options);

        affinities.Select(a => (a.Kind, a.Id)).Should().Equal(
            (AffinityKind.Category, 2), (AffinityKind.PriceBand, 2),
            (AffinityKind.Category, 1), (AffinityKind.Manufacturer, 7), (AffinityKind.PriceBand, 1));
        affinities[0].Score.Should().BeApproximately(2.5 / 3.5, 1e-12);
        affinities[1].Score.Should().BeApproximately(2.5 / 3.5, 1e-12);
        affinities[2].Score.Should().BeApproximately(1 / 3.5, 1e-12);
        affinities[3].Score.Should().BeApproximately(1 / 3.5, 1e-12);
    }

    [Test]
    public void FutureAndUnweightedInteractionsAreIgnored()
    {
        var interactions = new[]
        {
            new Interaction(1, 9, 1, InteractionType.View, _now),
            new Interaction(1, 9, 2, InteractionType.Purchase, _now.AddDays(1)),
            new Interaction(1, 9, 2, InteractionType.RemoveFromCart, _now),
            new Interaction(1, 9, 0, InteractionType.Search, _now)
        };

        var affinities = AffinityCalculator.Compute(interactions, _products, PriceBands.FromPrices(new[] { 10m, 20m }, 2), _now, new ProfileOptions());

        affinities.Should().OnlyContain(a => a.Score == 1.0);
        affinities.Select(a => a.Kind).Should().BeEquivalentTo(new[] { AffinityKind.Category, AffinityKind.Manufacturer, AffinityKind.PriceBand });
    }

    [Test]
    public void KeepsOnlyTheTopAffinitiesAboveTheMinimum()
    {
        var products = Enumerable.Range(1, 30).ToDictionary(id => id, id => new ProductFacts(id, new[] { id }, 0, 0m, true, true, _now));
        var interactions = Enumerable.Range(1, 30).SelectMany(id => Enumerable.Repeat(new Interaction(1, 9, id, InteractionType.View, _now), id)).ToArray();
        var options = new ProfileOptions { TopAffinities = 4, MinAffinityScore = 0.05 };

        var affinities = AffinityCalculator.Compute(interactions, products, PriceBands.FromPrices(Array.Empty<decimal>(), 2), _now, options);

        affinities.Select(a => a.Id).Should().Equal(30, 29, 28, 27);
        affinities.Should().OnlyContain(a => a.Score >= 0.05 && a.Score <= 1);
    }

    [Test]
    public void AttributesGetTheirOwnQuotaBesideCategories()
    {
        // product 1: wool and tag 5; product 3: wool and cotton; both viewed now, product 1 twice: total 3
        var products = new Dictionary<int, ProductFacts>(_products)
        {
            [1] = _products[1] with { Attributes = new ProductAttributes([41], [5], []) },
            [3] = new ProductFacts(3, new[] { 1 }, 0, 10m, true, true, _now.AddYears(-1)) { Attributes = new ProductAttributes([41, 42], [], [77]) }
        };
        var interactions = new[]
        {
            new Interaction(1, 9, 1, InteractionType.View, _now),
            new Interaction(1, 9, 1, InteractionType.View, _now),
            new Interaction(1, 9, 3, InteractionType.View, _now)
        };
        var options = new ProfileOptions { MinAffinityScore = 0, TopAffinities = 1, TopAttributeAffinities = 2 };

        var affinities = AffinityCalculator.Compute(interactions, products, PriceBands.FromPrices(new[] { 10m, 20m }, 2), _now, options);

        affinities.Select(a => (a.Kind, a.Id, Math.Round(a.Score, 4))).Should().Equal(
            (AffinityKind.Category, 1, 1.0),
            (AffinityKind.SpecificationOption, 41, 1.0),
            (AffinityKind.Tag, 5, Math.Round(2 / 3.0, 4)));
    }

    [Test]
    public void AttributeAffinitiesSurviveTheCompactText()
    {
        var affinities = new[] { new Affinity(AffinityKind.SpecificationOption, 41, 0.5), new Affinity(AffinityKind.Tag, 5, 0.25), new Affinity(AffinityKind.AttributeValue, 77, 0.1) };

        AffinityText.Format(affinities).Should().Be("s41:0.5;t5:0.25;v77:0.1");
        AffinityText.Parse("s41:0.5;t5:0.25;v77:0.1").Should().Equal(affinities);
    }
}
