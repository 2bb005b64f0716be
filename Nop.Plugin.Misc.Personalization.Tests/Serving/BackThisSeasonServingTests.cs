using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Training;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;

namespace Nop.Plugin.Misc.Personalization.Tests.Serving;

/// <summary>
/// The "back this season" placement on a hand-made store with a year of history: category 10 (products 1-3) sold in
/// this ISO week a year ago, category 20 (products 4-6) twenty weeks later, category 30 (products 7-9) every week.
/// </summary>
[TestFixture]
public class BackThisSeasonServingTests
{
    private static readonly DateTime _now = new(2026, 12, 9, 10, 0, 0, DateTimeKind.Utc);
    private const int SHOPPER = 700;

    private LiveActivity _live;
    private ServingCatalog _catalog;
    private RecommenderHolder _holder;

    [SetUp]
    public void SetUp()
    {
        var category = new Dictionary<int, int> { [1] = 10, [2] = 10, [3] = 10, [4] = 20, [5] = 20, [6] = 20, [7] = 30, [8] = 30, [9] = 30 };
        var products = category.ToDictionary(p => p.Key, p => new ServableProduct(p.Key, true, false, true, true, null, null, false, false, [p.Value], 0, 10m, _now.AddYears(-2)));
        _catalog = new ServingCatalog();
        _catalog.Replace(products);
        _live = new LiveActivity(new FakeTimeProvider(new DateTimeOffset(_now)));
        _holder = new RecommenderHolder();

        var events = new List<Interaction>();
        var order = 1;
        var yearAgo = _now.AddDays(-364);
        for (var customer = 1; customer <= 12; customer++)
        {
            events.Add(new Interaction(1, customer, 1 + customer % 3, InteractionType.Purchase, yearAgo.AddHours(customer), 1, 10, order++));
            events.Add(new Interaction(1, customer, 4 + customer % 3, InteractionType.Purchase, yearAgo.AddDays(140).AddHours(customer), 1, 10, order++));
        }
        for (var week = 1; week <= 53; week++)
            events.Add(new Interaction(1, 100 + week, 7 + week % 3, InteractionType.Purchase, _now.AddDays(-7 * week), 1, 10, order++));

        _holder.Swap(1, 1, new Recommender(EngineTrainer.Train(events, products.Values.Select(p => p.ToFacts()).ToList(), new TrainingOptions { StoreId = 1 }, _now)));
    }

    private IReadOnlyList<RecommendedProduct> Recommend(DateTime nowUtc) =>
        new RecommendationService(_catalog, new CustomerHistory(_live), _holder, _live, new ServingOptions { MinimumCount = 1, MaxPerCategory = 6 })
            .Recommend(new RecommendationRequest(PlacementStrategy.BackThisSeason, 1, SHOPPER, 6, 0), nowUtc);

    [Test]
    public void ListsTheCategoryInSeasonThisWeekOnly()
    {
        var picks = Recommend(_now);

        picks.Select(p => p.ProductId).Should().BeEquivalentTo([1, 2, 3]);
        picks.Should().OnlyContain(p => p.Source == "back-this-season" && p.Reasons.Any(r => r.Kind == ReasonKind.Seasonal && r.CategoryId == 10));
    }

    [Test]
    public void ListsTheOtherCategoryInItsOwnWeeks()
    {
        Recommend(_now.AddDays(140)).Select(p => p.ProductId).Should().BeEquivalentTo([4, 5, 6]);
    }

    [Test]
    public void ShowsNothingWhenNothingIsInSeason()
    {
        Recommend(_now.AddDays(70)).Should().BeEmpty();
    }

    [Test]
    public void TheShoppersOwnPurchaseOfLastSeasonComesFirstEvenThoughItWasBought()
    {
        _live.Record(new Interaction(1, SHOPPER, 3, InteractionType.Purchase, _now.AddDays(-364).AddHours(3), 1, 10, 900));

        Recommend(_now)[0].ProductId.Should().Be(3);
    }
}
