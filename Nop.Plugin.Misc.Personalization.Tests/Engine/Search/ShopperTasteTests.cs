using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Search;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Search;

[TestFixture]
public class ShopperTasteTests
{
    // category 10 = {1, 2}, category 20 = {3, 4, 5}; manufacturer 7 makes 2 and 4, manufacturer 8 makes 5; 1 and 3 have none
    private static readonly ProductFacts[] _facts =
    [
        EventsBuilder.Facts(1, 10, 0, 10m), EventsBuilder.Facts(2, 10, 7, 10m), EventsBuilder.Facts(3, 20, 0, 500m), EventsBuilder.Facts(4, 20, 7, 500m),
        EventsBuilder.Facts(5, 20, 8, 500m)
    ];

    private static readonly Nop.Plugin.Misc.Personalization.Engine.Models.ItemCatalog _catalog = EngineTrainer.Train(
        new EventsBuilder().View(1, 1, 1, 2, 3, 4, 5).Events, _facts, new TrainingOptions(), EventsBuilder.Now).Catalog;

    [Test]
    public void AProductInTheShoppersCategoryScoresHigher()
    {
        var taste = ShopperTaste.From([EventsBuilder.Viewed(9, 1, 1), EventsBuilder.Purchase(9, 1, 2)], _catalog, EventsBuilder.Now, 30);

        taste.AffinityOf(2).Should().BeGreaterThan(taste.AffinityOf(4));
        taste.AffinityOf(4).Should().Be(0, "nothing the shopper did touched category 20, manufacturer 7 or its price band");
        taste.AffinityOf(1).Should().BeInRange(0, 1);
    }

    [Test]
    public void ManufacturerAndPriceBandCountToo()
    {
        var taste = ShopperTaste.From([EventsBuilder.Viewed(9, 4, 1)], _catalog, EventsBuilder.Now, 30);

        taste.AffinityOf(2).Should().BeApproximately(1.0 / 3, 1e-9, "same manufacturer, other category and price band");
        taste.AffinityOf(5).Should().BeApproximately(2.0 / 3, 1e-9, "same category and price band, other manufacturer");
    }

    [Test]
    public void AProductWithoutAManufacturerIsJudgedByWhatItHas()
    {
        var taste = ShopperTaste.From([EventsBuilder.Viewed(9, 4, 1)], _catalog, EventsBuilder.Now, 30);

        taste.AffinityOf(3).Should().BeApproximately(1.0, 1e-9, "same category and price band; having no manufacturer does not count against it");
        taste.AffinityOf(1).Should().Be(0, "other category and price band");
    }

    [Test]
    public void RecentInterestOutweighsOldInterest()
    {
        var taste = ShopperTaste.From([EventsBuilder.Viewed(9, 1, 120), EventsBuilder.Viewed(9, 3, 1)], _catalog, EventsBuilder.Now, 30);

        taste.AffinityOf(4).Should().BeGreaterThan(taste.AffinityOf(2));
    }

    [Test]
    public void NoHistoryNoAffinity()
    {
        var taste = ShopperTaste.From(Array.Empty<Interaction>(), _catalog, EventsBuilder.Now, 30);

        taste.IsEmpty.Should().BeTrue();
        taste.AffinityOf(1).Should().Be(0);
    }
}
