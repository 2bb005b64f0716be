using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Serving;

/// <summary>
/// A large catalogue scores in hash tables, a small one in plain arrays: both must give exactly the same answers, and a
/// scratch reused from the pool must answer as a fresh one would.
/// </summary>
[TestFixture]
public class ScratchModesTests
{
    private IReadOnlyList<Interaction> _events;
    private ModelSnapshot _snapshot;

    [OneTimeSetUp]
    public void Train()
    {
        _events = SyntheticEvents.Generate(products: 800, customers: 400, events: 20000, seed: 5);
        var facts = Enumerable.Range(1, 800).Select(p => EventsBuilder.Facts(p, 1 + p % 11, p % 5, 1m + p % 60, inStock: p % 13 != 0)).ToArray();
        var options = new TrainingOptions { Scoring = new ScoringOptions { ActivityExponent = 0.5, RepeatWeight = 2 } };
        _snapshot = EngineTrainer.Train(_events, facts, options, EventsBuilder.Now);
    }

    [Test]
    public void HashTablesAndArraysGiveTheSameAnswersCallAfterCall()
    {
        var arrays = new Recommender(_snapshot, null, denseLimit: int.MaxValue);
        var tables = new Recommender(_snapshot, null, denseLimit: 0);
        var customers = _events.GroupBy(e => e.CustomerId).Take(60).Select(group => group.ToArray()).ToList();

        //twice round: the second round runs on scratches the first one used and returned to the pools
        for (var round = 0; round < 2; round++)
        {
            foreach (var history in customers)
            {
                var context = new RequestContext { CartProductIds = [history[0].ProductId], ExcludedProductIds = [history[^1].ProductId] };
                Same(arrays.ForCustomer(history, EventsBuilder.Now, 12, context), tables.ForCustomer(history, EventsBuilder.Now, 12, context));
                var product = history[^1].ProductId;
                Same(arrays.Similar(product, 8), tables.Similar(product, 8));
                Same(arrays.BoughtTogether(product, 8), tables.BoughtTogether(product, 8));
                Same(arrays.CartCrossSell([product, history[0].ProductId], 8), tables.CartCrossSell([product, history[0].ProductId], 8));
            }

            Same(arrays.Trending(null, 10, EventsBuilder.Now), tables.Trending(null, 10, EventsBuilder.Now));
            Same(arrays.Trending(3, 10, EventsBuilder.Now), tables.Trending(3, 10, EventsBuilder.Now));
        }
    }

    [Test]
    public void TheHashTableKeepsEveryEntryWhileItGrowsAndForgetsThemWhenCleared()
    {
        var slots = new SparseSlots<long>(catalogueSize: 1_000_000, denseLimit: 0, initialCapacity: 16);
        for (var key = 0; key < 5_000; key++)
            slots[key * 97] = key + 1;

        for (var key = 0; key < 5_000; key++)
            slots[key * 97].Should().Be(key + 1);

        slots.Clear(null);
        Enumerable.Range(0, 5_000).Where(key => slots[key * 97] != 0).Should().BeEmpty();
    }

    private static void Same(IReadOnlyList<Recommendation> expected, IReadOnlyList<Recommendation> actual)
    {
        actual.Select(r => (r.ProductId, r.Score)).Should().Equal(expected.Select(r => (r.ProductId, r.Score)));
        actual.Select(r => string.Join(",", r.Reasons.Select(reason => reason.ToString()))).Should()
            .Equal(expected.Select(r => string.Join(",", r.Reasons.Select(reason => reason.ToString()))));
    }
}
