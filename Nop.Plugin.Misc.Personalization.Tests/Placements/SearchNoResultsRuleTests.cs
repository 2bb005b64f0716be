using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Web.Models.Catalog;

namespace Nop.Plugin.Misc.Personalization.Tests.Placements;

[TestFixture]
public class SearchNoResultsRuleTests
{
    private const string NO_RESULTS = nameof(PlacementStrategy.SearchNoResults);

    private static SearchModel Search(string q, int found) => new()
    {
        q = q,
        CatalogProductsModel = new CatalogProductsModel
        {
            TotalItems = found,
            Products = Enumerable.Range(1, found).Select(id => new ProductOverviewModel { Id = id }).ToList()
        }
    };

    [Test]
    public void ShowsWhenTheShopperSearchedAndNothingWasFound()
    {
        SearchNoResultsRule.Allows(NO_RESULTS, Search("xqzzy", 0)).Should().BeTrue();
    }

    [Test]
    public void StaysHiddenWhenTheSearchFoundProducts()
    {
        SearchNoResultsRule.Allows(NO_RESULTS, Search("lamp", 3)).Should().BeFalse();
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void StaysHiddenOnTheSearchPageBeforeAnySearch(string q)
    {
        SearchNoResultsRule.Allows(NO_RESULTS, Search(q, 0)).Should().BeFalse();
    }

    [Test]
    public void StaysHiddenOutsideASearchPage()
    {
        SearchNoResultsRule.Allows(NO_RESULTS, null).Should().BeFalse();
        SearchNoResultsRule.Allows(NO_RESULTS, new ProductOverviewModel()).Should().BeFalse();
        SearchNoResultsRule.Allows(NO_RESULTS, new SearchModel { q = "lamp" }).Should().BeFalse("without the results nobody knows they are empty");
    }

    [Test]
    public void OtherStrategiesShowWhateverTheSearchFound()
    {
        SearchNoResultsRule.Allows(nameof(PlacementStrategy.Trending), Search("lamp", 3)).Should().BeTrue();
        SearchNoResultsRule.Allows(nameof(PlacementStrategy.ForYou), Search("xqzzy", 0)).Should().BeTrue();
    }

    [Test]
    public void TheDefaultNoResultsPlacementSitsOnTheSearchPage()
    {
        var placement = DefaultPlacements.Create().Single(p => p.Strategy == NO_RESULTS);

        PlacementZones.PageOf(placement.WidgetZone).Should().Be(PlacementPage.Search);
        PlacementZones.Fits(PlacementStrategy.SearchNoResults, placement.WidgetZone).Should().BeTrue();
        PlacementZones.Fits(PlacementStrategy.SearchNoResults, "home_page_top").Should().BeFalse();
        placement.Enabled.Should().BeTrue();
    }
}
