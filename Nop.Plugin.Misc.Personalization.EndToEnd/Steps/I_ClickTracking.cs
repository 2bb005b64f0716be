using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    [Test, Order(900)]
    public async Task I1_Clicking_a_recommended_product_stores_a_click_and_a_tampered_token_is_refused()
    {
        using var shopper = await NewTreatedShopperAsync("Clicker");
        var customerId = await shopper.CustomerIdAsync();
        var block = WaitForBlock(shopper, "ForYou", shopper.OpenHome, "the home page");
        var beacon = ClickBeacon.Of(shopper, block.PlacementId);
        var (clicked, tamperedOn, validOn) = (block.ProductIds[0], block.ProductIds[0], block.ProductIds[^1]);

        //the shopper clicks the product's title in the placement; the widget's own script sends the beacon
        var link = shopper.Browser.Find(By.CssSelector(
            $"{PlacementBlock.CONTAINER}[data-personalization-placement='{block.PlacementId}'] [data-personalization-product='{clicked}'] .product-title a"));
        shopper.Browser.Click(link);
        shopper.Browser.FindPresent(By.CssSelector(".product-details-page"));
        await ShopEvents.WaitForAsync(_database, customerId, $"a click on product {clicked} in placement {block.PlacementId}",
            e => e.Type == EventType.RecommendationClick && e.ProductId == clicked && e.Placement == block.PlacementId.ToString());

        var clicksBefore = await ClicksAsync(customerId);
        beacon.Post(shopper, tamperedOn, beacon.TamperedToken()).Should().BeInRange(400, 499, "a token whose signature does not match is refused");
        beacon.Post(shopper, 999_999_999, beacon.Token).Should().BeInRange(400, 499, "a product the token was not issued for is refused");
        beacon.Post(shopper, validOn, beacon.Token).Should().Be(204, "the genuine token for a product it signed is accepted");

        //events are written in order: once the genuine click is stored, a stored refused one would be there too
        var rows = await ShopEvents.WaitForAsync(_database, customerId, "the genuine click after the refused ones",
            e => e.Type == EventType.RecommendationClick && e.Id > clicksBefore.LastId && e.ProductId == validOn);
        rows.Where(e => e.Type == EventType.RecommendationClick && e.Id > clicksBefore.LastId).Should()
            .ContainSingle("only the genuine click after the refused ones is stored: {0}", string.Join("; ", rows));
    }

    private async Task<(int Count, long LastId)> ClicksAsync(int customerId)
    {
        var clicks = (await ShopEvents.OfCustomerAsync(_database, customerId)).Where(e => e.Type == EventType.RecommendationClick).ToList();
        return (clicks.Count, clicks.Count == 0 ? 0 : clicks[^1].Id);
    }
}
