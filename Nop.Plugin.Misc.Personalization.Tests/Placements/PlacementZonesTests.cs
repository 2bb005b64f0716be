using Nop.Plugin.Misc.Personalization.Services.Placements;

namespace Nop.Plugin.Misc.Personalization.Tests.Placements;

[TestFixture]
public class PlacementZonesTests
{
    [TestCase(PlacementStrategy.Similar, "productdetails_bottom", true)]
    [TestCase(PlacementStrategy.BoughtTogether, "productdetails_before_collateral", true)]
    [TestCase(PlacementStrategy.Similar, "home_page_top", false)]
    [TestCase(PlacementStrategy.CartCrossSell, "order_summary_content_after", true)]
    [TestCase(PlacementStrategy.CartCrossSell, "productdetails_bottom", false)]
    [TestCase(PlacementStrategy.TrendingInCategory, "categorydetails_bottom", true)]
    [TestCase(PlacementStrategy.TrendingInCategory, "home_page_bottom", false)]
    [TestCase(PlacementStrategy.OrderCompletedComplements, "checkout_completed_bottom", true)]
    [TestCase(PlacementStrategy.OrderCompletedComplements, "order_summary_cart_footer", false)]
    [TestCase(PlacementStrategy.ForYou, "productdetails_bottom", true)]
    [TestCase(PlacementStrategy.Trending, "checkout_completed_top", true)]
    [TestCase(PlacementStrategy.RecentlyViewed, "productsearch_page_after_results", true)]
    [TestCase(PlacementStrategy.Similar, "my_theme_product_sidebar", true)]
    public void AStrategyFitsTheZonesOfItsPageOrAnyCustomZone(PlacementStrategy strategy, string zone, bool fits)
    {
        PlacementZones.Fits(strategy, zone).Should().Be(fits);
    }

    [Test]
    public void EveryStrategyHasAtLeastOneKnownZone()
    {
        foreach (var strategy in Enum.GetValues<PlacementStrategy>())
            PlacementZones.ZonesFor(strategy).Should().NotBeEmpty(strategy.ToString());
    }

    [Test]
    public void StrategiesWithoutAPageFitEveryKnownZone()
    {
        PlacementZones.ZonesFor(PlacementStrategy.ForYou).Should().Equal(PlacementZones.Known.Select(known => known.Zone));
        PlacementZones.ZonesFor(PlacementStrategy.Similar).Should().OnlyContain(zone => zone.StartsWith("productdetails_", StringComparison.Ordinal));
    }

    [Test]
    public void KnownZonesAreContentZonesOnly()
    {
        PlacementZones.Known.Select(known => known.Zone).Should().OnlyHaveUniqueItems()
            .And.NotContain(["body_start_html_tag_after", "head_html_tag"]);
        PlacementZones.IsKnown("PRODUCTDETAILS_BOTTOM").Should().BeFalse("zones are matched exactly, as nopCommerce does");
    }

    [Test]
    public void DefaultPlacementsAreEnabledValidAndFitTheirZones()
    {
        var defaults = DefaultPlacements.Create();

        defaults.Select(p => p.Strategy).Should().BeEquivalentTo(
        [
            nameof(PlacementStrategy.Similar), nameof(PlacementStrategy.BoughtTogether), nameof(PlacementStrategy.CartCrossSell),
            nameof(PlacementStrategy.ForYou), nameof(PlacementStrategy.TrendingInCategory), nameof(PlacementStrategy.OrderCompletedComplements),
            nameof(PlacementStrategy.SearchNoResults)
        ]);
        foreach (var placement in defaults)
        {
            placement.Enabled.Should().BeTrue();
            placement.StoreId.Should().Be(0);
            PlacementZones.IsKnown(placement.WidgetZone).Should().BeTrue(placement.WidgetZone);
            PlacementZones.Fits(Enum.Parse<PlacementStrategy>(placement.Strategy), placement.WidgetZone).Should().BeTrue(placement.Strategy);
        }
    }
}
