using System.Globalization;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Synthetic;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Seasonality;

/// <summary>
/// The seeded synthetic funnel with a known seasonal product set: category 3 is bought only in ISO weeks 24-27 and
/// category 12 only in weeks 48-51 of each of two years; the other 38 categories all year. The model is trained at the
/// end of the two years and asked in weeks of the third.
/// </summary>
[TestFixture]
public class SyntheticSeasonalityTests
{
    private const int SUMMER = 3;
    private const int WINTER = 12;
    private static readonly DateTime _start = new(2023, 1, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime _end = new(2024, 12, 30, 0, 0, 0, DateTimeKind.Utc);

    private IReadOnlyList<ProductFacts> _products;
    private List<Interaction> _events;
    private ModelSnapshot _snapshot;

    [OneTimeSetUp]
    public void Train()
    {
        var funnel = new SyntheticFunnel(new SyntheticFunnelOptions
        {
            Products = 2000,
            ProductsPerCategory = 50,
            Customers = 3000,
            Events = 150_000,
            Seed = 11,
            Start = _start,
            End = _end,
            Seasons = [new SyntheticSeason(SUMMER, 24, 4, 0.3), new SyntheticSeason(WINTER, 48, 4, 0.3)]
        });
        _products = funnel.Products();
        _events = funnel.Events().ToList();
        _snapshot = EngineTrainer.Train(_events, _products, new TrainingOptions(), _end);
    }

    private static DateTime Week(int week) => ISOWeek.ToDateTime(2025, week, DayOfWeek.Tuesday);

    private static bool IsIn(int category, int productId) => (productId - 1) / 50 + 1 == category;

    [Test]
    public void TheKnownAnswerIsInTheEvents()
    {
        _events.Where(e => IsIn(SUMMER, e.ProductId)).Should().OnlyContain(e => ISOWeek.GetWeekOfYear(e.TimeUtc) >= 24 && ISOWeek.GetWeekOfYear(e.TimeUtc) <= 27);
        _events.Count(e => IsIn(SUMMER, e.ProductId)).Should().BeGreaterThan(1000);
    }

    [Test]
    public void SeasonalCategoriesPeakInTheirWeeksOnlyAndTheOthersStayFlat()
    {
        var s = _snapshot.Seasonal;
        s.IsAvailable.Should().BeTrue();
        foreach (var week in new[] { 25, 26 })
            s.IndexOf(SUMMER, week).Should().BeGreaterThan(5);
        foreach (var week in new[] { 10, 20, 35, 49 })
            s.IndexOf(SUMMER, week).Should().BeLessThan(0.2);
        s.IndexOf(WINTER, 49).Should().BeGreaterThan(5);
        s.IndexOf(WINTER, 25).Should().BeLessThan(0.2);
        // an all-year category: within ±40% in every week whatever the seasonal ones do
        for (var week = 1; week <= 52; week++)
            s.IndexOf(1, week).Should().BeInRange(0.6, 1.4, $"week {week}");
    }

    [Test]
    public void SeasonalProductsHaveTheirOwnRowsThatPeakInTheirWeeks()
    {
        var s = _snapshot.Seasonal;
        var catalog = _snapshot.Catalog;
        var withRows = Enumerable.Range(SUMMER * 50 - 49, 50).Select(catalog.IndexOf).Where(i => i >= 0 && s.HasProductRow(i)).ToList();
        withRows.Should().HaveCountGreaterThan(10);
        foreach (var i in withRows)
        {
            s.SeasonOf(i, catalog.CategoriesOf(i), Week(25), 2).Should().BeGreaterThan(3);
            s.SeasonOf(i, catalog.CategoriesOf(i), Week(10), 2).Should().BeLessThan(0.5);
        }
    }

    [Test]
    public void TrendingLiftsSeasonalProductsInTheirWeeksAndNotOutsideThem()
    {
        var recommender = new Recommender(_snapshot);
        int Seasonal(int week, int category) => recommender.Trending(null, 20, Week(week)).Count(r => IsIn(category, r.ProductId));

        // trained at the end of December: the winter products are what sold last, the summer ones sold months ago
        Seasonal(25, SUMMER).Should().BeGreaterThan(Seasonal(10, SUMMER));
        Seasonal(25, SUMMER).Should().BeGreaterThan(Seasonal(49, SUMMER));
        Seasonal(49, WINTER).Should().BeGreaterThan(Seasonal(25, WINTER));
        Seasonal(49, WINTER).Should().BeGreaterThan(Seasonal(10, WINTER));
        new Recommender(_snapshot, _snapshot.Scoring with { SeasonalWeight = 0 }).Trending(null, 20, Week(25)).Count(r => IsIn(SUMMER, r.ProductId))
            .Should().BeLessThan(Seasonal(25, SUMMER), "without the seasonal weight summer does not rise");
    }

    [Test]
    public void PersonalScoringLiftsSeasonalProductsInTheirWeeksAndNotOutsideThem()
    {
        var recommender = new Recommender(_snapshot);
        var customers = _events.Where(e => e.CustomerId <= 300).GroupBy(e => e.CustomerId).Select(g => g.ToArray()).ToList();
        int Seasonal(int week, int category) => customers.Sum(h => recommender.ForCustomer(h, Week(week), 10).Count(r => IsIn(category, r.ProductId)));

        Seasonal(25, SUMMER).Should().BeGreaterThan(Seasonal(10, SUMMER));
        Seasonal(25, SUMMER).Should().BeGreaterThan(Seasonal(49, SUMMER));
        Seasonal(49, WINTER).Should().BeGreaterThan(Seasonal(25, WINTER));
    }

    [Test]
    public void BackThisSeasonListsTheSeasonalProductsOfTheWeekOnly()
    {
        var recommender = new Recommender(_snapshot);

        var summer = recommender.BackThisSeason(ReadOnlySpan<Interaction>.Empty, Week(25), 10);
        summer.Should().HaveCount(10);
        summer.Should().OnlyContain(r => IsIn(SUMMER, r.ProductId));
        summer.Should().OnlyContain(r => r.Reasons.Any(x => x.Kind == ReasonKind.Seasonal && x.CategoryId == SUMMER && x.Value >= 2));

        recommender.BackThisSeason(ReadOnlySpan<Interaction>.Empty, Week(49), 10).Should().OnlyContain(r => IsIn(WINTER, r.ProductId));
        recommender.BackThisSeason(ReadOnlySpan<Interaction>.Empty, Week(10), 10).Should().BeEmpty();
    }

    [Test]
    public void FactorsPreparedBeforeTheWeekStartsServeItExactlyAsFactorsWorkedOutOnTheFirstRequest()
    {
        //the last minutes of week 23 and a lead that reaches into week 24, where summer starts
        var beforeWeek24 = ISOWeek.ToDateTime(2025, 24, DayOfWeek.Monday).AddMinutes(-5);
        var prepared = new Recommender(_snapshot);
        prepared.PrepareSeason(beforeWeek24, TimeSpan.FromMinutes(10));
        var unprepared = new Recommender(_snapshot);

        foreach (var when in new[] { beforeWeek24, beforeWeek24.AddMinutes(6), Week(25) })
        {
            Ids(prepared.BackThisSeason(ReadOnlySpan<Interaction>.Empty, when, 10))
                .Should().Equal(Ids(unprepared.BackThisSeason(ReadOnlySpan<Interaction>.Empty, when, 10)), $"at {when:u}");
            Ids(prepared.Trending(null, 20, when)).Should().Equal(Ids(unprepared.Trending(null, 20, when)), $"at {when:u}");
        }
        prepared.BackThisSeason(ReadOnlySpan<Interaction>.Empty, beforeWeek24.AddMinutes(6), 10).Should().NotBeEmpty().And.OnlyContain(r => IsIn(SUMMER, r.ProductId));
    }

    private static List<int> Ids(IEnumerable<Recommendation> recommendations) => recommendations.Select(r => r.ProductId).ToList();

    [Test]
    public void BackThisSeasonPutsWhatTheShopperBoughtLastSeasonFirst()
    {
        var recommender = new Recommender(_snapshot);
        var general = recommender.BackThisSeason(ReadOnlySpan<Interaction>.Empty, Week(25), 50);
        var last = general[^1].ProductId;
        var bought = new[] { new Interaction(1, 99_999, last, InteractionType.Purchase, Week(25).AddDays(-364), 1, 10m, 1) };

        recommender.BackThisSeason(bought, Week(25), 5)[0].ProductId.Should().Be(last);
    }
}
