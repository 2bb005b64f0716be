using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Search;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Search;

[TestFixture]
public class QueryStatsBuilderTests
{
    private static readonly DateTime _t0 = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    private static Interaction Did(int customerId, int productId, InteractionType type, int minutesAfter) =>
        new(1, customerId, productId, type, _t0.AddMinutes(minutesAfter));

    [Test]
    public void WhatShoppersDoAfterASearchCountsForItsWords()
    {
        var stats = new QueryStatsBuilder().Build(
            [new SearchLogEntry(7, _t0, "Apple"), new SearchLogEntry(8, _t0, "apple ")],
            [Did(7, 10, InteractionType.View, 1), Did(8, 10, InteractionType.View, 2), Did(8, 11, InteractionType.View, 3)]);

        var apple = stats.For("APPLE");
        apple.Should().ContainKeys(10, 11);
        apple[10].Should().BeGreaterThan(apple[11]);
        stats.For("pear").Should().BeEmpty();
    }

    [Test]
    public void PurchasesWeighMoreThanViews()
    {
        var stats = new QueryStatsBuilder().Build(
            [new SearchLogEntry(7, _t0, "lamp")],
            [Did(7, 1, InteractionType.View, 1), Did(7, 2, InteractionType.View, 2), Did(7, 2, InteractionType.Purchase, 5)]);

        stats.For("lamp")[2].Should().BeGreaterThan(stats.For("lamp")[1]);
    }

    [Test]
    public void OnlyTheLatestSearchWithinTheWindowGetsTheCredit()
    {
        var stats = new QueryStatsBuilder { Window = TimeSpan.FromMinutes(30) }.Build(
            [new SearchLogEntry(7, _t0, "lamp"), new SearchLogEntry(7, _t0.AddMinutes(10), "chair")],
            [Did(7, 1, InteractionType.View, 5), Did(7, 2, InteractionType.View, 15), Did(7, 3, InteractionType.View, 60),
                Did(9, 4, InteractionType.View, 1), Did(7, 5, InteractionType.View, -1)]);

        stats.For("lamp").Keys.Should().Equal(1);
        stats.For("chair").Keys.Should().Equal(2);
    }

    [Test]
    public void FewSearchesSayLessThanMany()
    {
        var once = new QueryStatsBuilder().Build([new SearchLogEntry(1, _t0, "desk")], [Did(1, 4, InteractionType.View, 1)]);
        var often = new QueryStatsBuilder().Build(
            Enumerable.Range(1, 20).Select(customer => new SearchLogEntry(customer, _t0, "desk")),
            Enumerable.Range(1, 20).Select(customer => Did(customer, 4, InteractionType.View, 1)));

        once.For("desk")[4].Should().BeLessThan(often.For("desk")[4]);
        often.For("desk")[4].Should().BeInRange(0, 1);
    }
}

[TestFixture]
public class QueryStatsBuilderClickTests
{
    private static readonly DateTime _t0 = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    [Test]
    public void ClicksOnSearchResultsTeachTheQueryEvenFromAnonymousShoppers()
    {
        var stats = new QueryStatsBuilder().Build([], [],
            [new SearchClickEntry(0, _t0, "Lamp", 5), new SearchClickEntry(0, _t0.AddMinutes(3), "lamp", 5), new SearchClickEntry(0, _t0, "lamp", 6)]);

        var lamp = stats.For("LAMP ");
        lamp.Keys.Should().BeEquivalentTo([5, 6]);
        lamp[5].Should().BeGreaterThan(lamp[6]);
        lamp[5].Should().BeInRange(0, 1);
    }

    [Test]
    public void AClickedResultOutranksAResultOnlyViewedAfterTheSameSearch()
    {
        var stats = new QueryStatsBuilder().Build(
            [new SearchLogEntry(7, _t0, "lamp"), new SearchLogEntry(8, _t0, "lamp")],
            [new Interaction(1, 7, 1, InteractionType.View, _t0.AddMinutes(1))],
            [new SearchClickEntry(8, _t0.AddMinutes(1), "lamp", 2)]);

        stats.For("lamp")[2].Should().BeGreaterThan(stats.For("lamp")[1]);
    }

    [Test]
    public void TheViewAClickOpensIsNotCountedASecondTime()
    {
        var searches = new[] { new SearchLogEntry(7, _t0, "lamp"), new SearchLogEntry(8, _t0, "lamp") };
        var clicks = new[] { new SearchClickEntry(7, _t0.AddMinutes(1), "lamp", 2), new SearchClickEntry(8, _t0.AddMinutes(1), "lamp", 3) };
        var viewOfTwo = new Interaction(1, 7, 2, InteractionType.View, _t0.AddMinutes(1).AddSeconds(2));
        var viewOfTwoByAnother = new Interaction(1, 8, 2, InteractionType.View, _t0.AddMinutes(2));

        var withViewAfterClick = new QueryStatsBuilder().Build(searches, [viewOfTwo], clicks);
        var withOtherView = new QueryStatsBuilder().Build(searches, [viewOfTwoByAnother], clicks);

        withViewAfterClick.For("lamp")[2].Should().Be(withViewAfterClick.For("lamp")[3], "the click and the page it opened are one choice");
        withOtherView.For("lamp")[2].Should().BeGreaterThan(withOtherView.For("lamp")[3], "another shopper's view is more evidence");
    }

    [Test]
    public void ClicksWithoutWordsOrProductTeachNothing()
    {
        var stats = new QueryStatsBuilder().Build([], [], [new SearchClickEntry(0, _t0, "  ", 5), new SearchClickEntry(0, _t0, "lamp", 0)]);

        stats.QueryCount.Should().Be(0);
    }
}
