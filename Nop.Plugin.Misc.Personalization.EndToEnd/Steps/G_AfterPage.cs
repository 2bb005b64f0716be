using System.Net;
using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

/// <summary>
/// A placement the owner sets to load after the page: the served page holds only its empty, sized slot, and the
/// shopper's browser shows the products moments later, tracked like any placement.
/// </summary>
public partial class PersonalizationInShopTests
{
    [Test, Order(760)]
    public async Task G7_A_placement_set_to_load_after_the_page_arrives_after_it_for_the_shoppers_own_account()
    {
        var placementId = await ProductPagePlacementAsync("Similar");
        var loadAfterPage = PlacementLoadsAfterPage(placementId);
        loadAfterPage.Set(true);
        try
        {
            using var shopper = await NewTreatedShopperAsync("AfterPage");
            var product = _state.Products[0];
            using var served = new PageTimer(_environment.ShopUrl,
                shopper.Browser.Driver.Manage().Cookies.AllCookies.Select(cookie => (cookie.Name, cookie.Value)));

            //the page as the server sends it: a slot for the placement, none of its products
            var slots = await Poll.UntilAsync(async () => AfterPageSlots.In(await served.GetAsync(product.Slug)),
                found => found.Slots.Any(slot => slot.PlacementId == placementId), TimeSpan.FromSeconds(30),
                $"the slot of placement {placementId} in the served page of {product.Name}");
            var html = await served.GetAsync(product.Slug);
            html.Should().NotContain($"data-personalization-placement=\"{placementId}\"", "the placement's products are not part of the page");
            html.Should().Contain("class=\"personalization-after-page\" style=\"min-height:420px\"", "the slot keeps the default height free");
            html.Should().Contain("<noscript><style>.personalization-after-page { display: none; }</style></noscript>",
                "without scripts the empty slot is hidden");

            //the browser: the products arrive after the page, through the theme's product boxes, with click tracking
            //the block arrives after the page's load event: watch the open page instead of reloading it
            var before = await ImpressionCounts.OfPlacementAsync(_database, placementId);
            shopper.ViewProduct(product);
            var block = Poll.Until(() => PlacementBlock.On(shopper.Browser).FirstOrDefault(shown => shown.PlacementId == placementId),
                shown => shown != null, _widgetTimeout, $"placement {placementId} on the page of {product.Name} after it loaded", TimeSpan.FromMilliseconds(250));
            block.Strategy.Should().Be("Similar");
            AssertRenderedThroughProductBoxes(block);
            block.HasTracking.Should().BeTrue("a placement loaded after the page is tracked like one rendered with it");
            block.ProductIds.Should().NotContain(product.Id);
            shopper.Browser.Exists(OpenQA.Selenium.By.CssSelector("[data-personalization-after-page]")).Should().BeFalse("every slot is filled or removed");

            await ImpressionCounts.WaitForRenderAsync(_database, placementId, before, block.ProductIds.Count, "the placement loaded after the page");

            //a browser that runs no scripts shows no empty space where the placement would be (a few visitors, since any
            //one of them may fall in the holdout, which gets no slot at all)
            var hiddenSlotSeen = false;
            for (var visitor = 0; visitor < 5 && !hiddenSlotSeen; visitor++)
            {
                using var noScripts = Browser.Start(_environment, scripts: false);
                noScripts.Open(product.Slug);
                noScripts.FindPresent(OpenQA.Selenium.By.CssSelector(".product-details-page"));
                var slot = noScripts.All(OpenQA.Selenium.By.CssSelector("[data-personalization-after-page]")).FirstOrDefault();
                if (slot == null)
                    continue;
                slot.Displayed.Should().BeFalse("without scripts the slot is hidden, not an empty box of reserved height");
                hiddenSlotSeen = true;
            }
            hiddenSlotSeen.Should().BeTrue("one of five visitors without scripts is outside the holdout and gets the (hidden) slot");

            //the request refuses what the server did not sign
            using var forger = new HttpClient { BaseAddress = _environment.ShopUrl };
            forger.DefaultRequestHeaders.UserAgent.ParseAdd(ShopProcess.BROWSER_USER_AGENT);
            var forged = slots.Slots[0].Token[..^2] + (slots.Slots[0].Token.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");
            (await forger.GetAsync(slots.Endpoint.TrimStart('/') + "?t=" + Uri.EscapeDataString(forged))).StatusCode
                .Should().Be(HttpStatusCode.BadRequest, "a token the server did not sign is refused");
            //without cookies (a new guest each time) the genuine slot still fills: the customer comes from the request
            //itself; a few guests, since any one of them may fall in the holdout
            var guestAnswers = new List<string>();
            for (var guest = 0; guest < 5 && !guestAnswers.Any(answer => answer.Contains("data-personalization-product=", StringComparison.Ordinal)); guest++)
            {
                using var cookieless = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = _environment.ShopUrl };
                cookieless.DefaultRequestHeaders.UserAgent.ParseAdd(ShopProcess.BROWSER_USER_AGENT);
                guestAnswers.Add(await cookieless.GetStringAsync(slots.RequestPath));
            }
            guestAnswers.Should().Contain(answer => answer.Contains("data-personalization-product=", StringComparison.Ordinal),
                "a guest without cookies gets the placement too");
        }
        finally
        {
            loadAfterPage.Set(false);
        }
    }

    private Task<int> ProductPagePlacementAsync(string strategy) =>
        _database.ScalarAsync<int>("SELECT MIN(\"Id\") FROM \"Personalization_Placement\" WHERE \"Strategy\" = @s AND \"WidgetZone\" LIKE 'productdetails%'",
            ("s", strategy));

    private AdminCheckboxSetting PlacementLoadsAfterPage(int placementId) =>
        new(Admin, $"Admin/PersonalizationPlacement/Edit/{placementId}", "LoadAfterPage");
}
