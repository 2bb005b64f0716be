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
