using Nop.Plugin.Misc.Personalization.Services.Placements;

namespace Nop.Plugin.Misc.Personalization.Tests.Plugin;

[TestFixture]
public class PlacementCatalogTests
{
    [Test]
    public void EmptyUntilLoaded()
    {
        var catalog = new PlacementCatalog();

        catalog.IsLoaded.Should().BeFalse();
        catalog.WidgetZones().Should().BeEmpty();
        catalog.ForZone(1, "home_page_top").Should().BeEmpty();
    }

    [Test]
    public void ServesZonesPerStoreInDisplayOrder()
    {
        var catalog = new PlacementCatalog();
        catalog.Replace(
        [
            new PlacementDefinition(1, 0, "home_page_top", "trending", "Trending", 8, 0, 2),
            new PlacementDefinition(2, 1, "home_page_top", "for-you", "For you", 8, 0, 1),
            new PlacementDefinition(3, 2, "productdetails_bottom", "similar", "Similar", 4, 0, 0)
        ]);

        catalog.IsLoaded.Should().BeTrue();
        catalog.WidgetZones().Should().BeEquivalentTo("home_page_top", "productdetails_bottom");
        catalog.ForZone(1, "HOME_PAGE_TOP").Select(p => p.Id).Should().Equal(2, 1);
        catalog.ForZone(2, "home_page_top").Select(p => p.Id).Should().Equal(1);
        catalog.ForZone(1, "productdetails_bottom").Should().BeEmpty();
        catalog.ForZone(1, null).Should().BeEmpty();
    }

    [Test]
    public void ReplaceSwapsTheWholeSet()
    {
        var catalog = new PlacementCatalog();
        catalog.Replace([new PlacementDefinition(1, 0, "home_page_top", "trending", "T", 8, 0, 0)]);
        var before = catalog.WidgetZones();

        catalog.Replace([new PlacementDefinition(2, 0, "categorydetails_top", "trending", "T", 8, 0, 0)]);

        before.Should().Equal("home_page_top");
        catalog.WidgetZones().Should().Equal("categorydetails_top");
    }

    [Test]
    public void APlacementIsFoundByIdOnlyInTheStoresItShowsIn()
    {
        var catalog = new PlacementCatalog();
        catalog.Replace([
            new PlacementDefinition(1, 0, "home_page_top", "Trending", "Everywhere", 4, 0, 0),
            new PlacementDefinition(2, 2, "productdetails_bottom", "Similar", "Store 2 only", 4, 0, 0)
        ]);

        catalog.Find(1, 1).Should().NotBeNull("a placement for every store shows in store 1");
        catalog.Find(2, 2).Title.Should().Be("Store 2 only");
        catalog.Find(1, 2).Should().BeNull("store 2's placement does not show in store 1");
        catalog.Find(1, 3).Should().BeNull();
    }
}
