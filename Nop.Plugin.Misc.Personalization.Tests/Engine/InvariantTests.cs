using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine;

/// <summary>Properties every answer must have, checked over many requests on seeded synthetic shops.</summary>
[TestFixture]
public class InvariantTests
{
    private const int K = 15;
    private IReadOnlyList<Interaction> _events;
    private ModelSnapshot _snapshot;
    private Recommender _recommender;

    [OneTimeSetUp]
    public void Train()
    {
        _events = SyntheticEvents.Generate(products: 600, customers: 300, events: 15000, seed: 11);
        var facts = Enumerable.Range(1, 600).Select(p => EventsBuilder.Facts(p, 1 + p % 9, p % 4, 1m + p % 50, inStock: p % 17 != 0)).ToArray();
        var options = new TrainingOptions { NeighbourCount = K, Scoring = new ScoringOptions { ActivityExponent = 0.5, RepeatWeight = 2 } };
        _snapshot = EngineTrainer.Train(_events, facts, options, EventsBuilder.Now);
        _recommender = new Recommender(_snapshot);
    }

    [Test]
    public void NeighbourTablesRespectKAndHaveNoSelfPairs()
    {
        foreach (var table in new[] { _snapshot.Similar, _snapshot.BoughtTogether, _snapshot.Sequential })
        {
            table.EntryCount.Should().BeGreaterThan(0);
            for (var i = 0; i < table.ItemCount; i++)
            {
                table.CountOf(i).Should().BeLessThanOrEqualTo(K);
                table.NeighboursOf(i).ToArray().Should().NotContain(i).And.OnlyHaveUniqueItems();
                table.ScoresOf(i).ToArray().Should().BeInDescendingOrder();
                table.ScoresOf(i).ToArray().All(s => float.IsFinite(s) && s > 0).Should().BeTrue();
            }
        }
    }

    [Test]
    public void EveryAnswerIsSortedFiniteWithoutSelfOrExclusions()
    {
        var excluded = new HashSet<int> { 5, 6, 7, 100, 101 };
        foreach (var productId in Enumerable.Range(1, 600).Where(p => p % 7 == 0))
        {
            foreach (var answer in new[]
            {
                _recommender.Similar(productId, 10, excluded), _recommender.BoughtTogether(productId, 10, excluded),
                _recommender.BoughtAfter(productId, 10, excluded), _recommender.CartCrossSell(new[] { productId, productId + 1 }, 10, excluded)
            })
            {
                Check(answer, 10, excluded);
                answer.Select(r => r.ProductId).Should().NotContain(productId);
            }
        }
    }

    [Test]
    public void ForCustomerInvariants()
    {
        var byCustomer = _events.GroupBy(e => e.CustomerId).Take(80);
        foreach (var group in byCustomer)
        {
            var history = group.ToArray();
            var cart = history.Take(2).Select(e => e.ProductId).ToArray();
            var excluded = new HashSet<int>(history.Skip(2).Take(3).Select(e => e.ProductId));
            foreach (var policy in new[] { PurchasedProducts.Include, PurchasedProducts.ExcludeUnlessReplenishable, PurchasedProducts.Exclude })
            {
                var context = new RequestContext { CartProductIds = cart, ExcludedProductIds = excluded, Purchased = policy };
                var answer = _recommender.ForCustomer(history, EventsBuilder.Now, 12, context);
                Check(answer, 12, excluded);
                answer.Select(r => r.ProductId).Should().NotIntersectWith(cart);
                answer.Should().NotBeEmpty();
                if (policy == PurchasedProducts.Exclude)
                {
                    var bought = history.Where(e => e.Type == InteractionType.Purchase).Select(e => e.ProductId);
                    answer.Select(r => r.ProductId).Should().NotIntersectWith(bought);
                }
            }
        }
    }

    [Test]
    public void UnavailableProductsAreNeverReturned()
    {
        var answer = _recommender.Trending(null, 200, EventsBuilder.Now);
        answer.Select(r => r.ProductId).Should().OnlyContain(p => p % 17 != 0);
    }

    [Test]
    public void AnswersAreDeterministic()
    {
        var again = new Recommender(EngineTrainer.Train(_events, Enumerable.Range(1, 600).Select(p => EventsBuilder.Facts(p, 1 + p % 9, p % 4, 1m + p % 50, inStock: p % 17 != 0)).ToArray(),
            new TrainingOptions { NeighbourCount = K, Scoring = new ScoringOptions { ActivityExponent = 0.5, RepeatWeight = 2 } }, EventsBuilder.Now));
        var history = _events.Where(e => e.CustomerId == 1).ToArray();
        again.ForCustomer(history, EventsBuilder.Now, 10).Should().BeEquivalentTo(_recommender.ForCustomer(history, EventsBuilder.Now, 10), o => o.WithStrictOrdering());
        again.Similar(42, 10).Should().BeEquivalentTo(_recommender.Similar(42, 10), o => o.WithStrictOrdering());
    }

    [Test]
    public void ZeroOrNegativeCountGivesEmpty()
    {
        _recommender.ForCustomer(ReadOnlySpan<Interaction>.Empty, EventsBuilder.Now, 0).Should().BeEmpty();
        _recommender.Similar(1, -1).Should().BeEmpty();
    }

    private static void Check(IReadOnlyList<Recommendation> answer, int count, ISet<int> excluded)
    {
        answer.Count.Should().BeLessThanOrEqualTo(count);
        answer.Select(r => r.ProductId).Should().OnlyHaveUniqueItems().And.NotIntersectWith(excluded);
        answer.Select(r => r.Score).Should().BeInDescendingOrder();
        answer.All(r => double.IsFinite(r.Score) && r.Score > 0).Should().BeTrue();
        answer.All(r => r.Reasons != null && r.Reasons.Length > 0).Should().BeTrue();
    }
}
