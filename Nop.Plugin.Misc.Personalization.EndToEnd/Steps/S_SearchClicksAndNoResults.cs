using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

/// <summary>
/// Search clicks and the no-results placement work with whatever search the shop uses, nopCommerce's standard one
/// included: the query statistics learn before the owner switches personalised search on, and an empty result page
/// shows picks. They run after S3 has switched the plugin's provider off again, because this test shop cannot show
/// the search page sorted by position while a provider is active (see S_PersonalSearch.cs).
/// </summary>
public partial class PersonalizationInShopTests
{
    private const string FOUND_WORD = "apple";
    private const string NONSENSE_WORD = "qxzvwkj";

    /// <summary>
    /// A shopper searches a word and clicks a result: a search click event with the query and the product is stored for
    /// that shopper; a tampered token and a token copied into another shopper's browser are refused.
    /// </summary>
    [Test, Order(997)]
    public async Task S4_A_click_on_a_search_result_is_stored_with_its_query()
    {
        using var shopper = NewShopper("SearchClicker");
        var customerId = await shopper.CustomerIdAsync();
        var results = SearchResults.Of(shopper, FOUND_WORD);
        results.Should().NotBeEmpty("the sample catalogue has products named '{0}'", FOUND_WORD);
        var beacon = SearchClickBeacon.Of(shopper);
        var clicked = results[0];

        //the shopper clicks the first result's title; the page's own script sends the beacon
        shopper.Browser.Click(shopper.Browser.Find(By.CssSelector($".search-results .product-item[data-productid='{clicked}'] .product-title a")));
        shopper.Browser.FindPresent(By.CssSelector(".product-details-page"));
        await ShopEvents.WaitForAsync(_database, customerId, $"a search click on product {clicked} for '{FOUND_WORD}'",
            e => e.Type == EventType.SearchClick && e.ProductId == clicked && e.Query == FOUND_WORD);

        using var stranger = NewShopper("SearchClickStranger");
        stranger.Search(FOUND_WORD);
        var before = await SearchClicksAsync();
        beacon.Post(shopper, clicked, beacon.TamperedToken()).Should().BeInRange(400, 499, "a token whose signature does not match is refused");
        beacon.Post(stranger, clicked, beacon.Token).Should().BeInRange(400, 499, "a token is bound to the shopper whose page it was signed for");
        beacon.Post(shopper, results[^1], beacon.Token).Should().Be(204, "the genuine token counts for any result of its query");

        var rows = await Poll.UntilAsync(() => ShopEvents.WhereAsync(_database, "\"EventType\" = @t", ("t", (int)EventType.SearchClick)), all => all.Any(e => e.Id > before && e.ProductId == results[^1]), ShopEvents.WriteTimeout,
            "the genuine search click after the refused ones");
        rows.Where(e => e.Id > before).Should().ContainSingle("only the genuine click after the refused ones is stored: {0}", string.Join("; ", rows))
            .Which.Should().Match<EventRow>(e => e.CustomerId == customerId && e.Query == FOUND_WORD);
    }

    /// <summary>
    /// A shopper searches a word nothing matches: instead of an empty page, the default "search found nothing"
    /// placement shows products through the theme's product box; a search that finds products does not show it.
    /// </summary>
    [Test, Order(998)]
    public async Task S5_A_search_that_finds_nothing_shows_picks_instead_of_an_empty_page()
    {
        using var shopper = await NewTreatedShopperAsync("NothingFound");

        var block = WaitForBlock(shopper, "SearchNoResults", () =>
        {
            SearchResults.Of(shopper, NONSENSE_WORD).Should().BeEmpty("nothing in the catalogue is called '{0}'", NONSENSE_WORD);
        }, $"the search page for '{NONSENSE_WORD}'");
        AssertRenderedThroughProductBoxes(block);
        shopper.Browser.Exists(By.CssSelector(".search-results .no-result")).Should().BeTrue("nopCommerce still says that nothing was found");

        SearchResults.Of(shopper, FOUND_WORD).Should().NotBeEmpty();
        PlacementBlock.On(shopper.Browser).Should().NotContain(b => b.Strategy == "SearchNoResults", "the picks only stand in for an empty result");
        shopper.Browser.Exists(By.CssSelector(SearchClickBeacon.MARKER)).Should().BeTrue("a page with results carries the click beacon");
    }

    private async Task<long> SearchClicksAsync()
    {
        var rows = await ShopEvents.WhereAsync(_database, "\"EventType\" = @t", ("t", (int)EventType.SearchClick));
        return rows.Count == 0 ? 0 : rows[^1].Id;
    }
}
