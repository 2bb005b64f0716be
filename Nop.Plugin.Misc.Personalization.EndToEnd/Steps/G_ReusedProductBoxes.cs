using System.Globalization;
using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

/// <summary>
/// A shopper's product boxes are reused on their next pages (setting "Reuse a shopper's product boxes"); a price the
/// owner changes in the admin still shows on the shopper's very next page.
/// </summary>
public partial class PersonalizationInShopTests
{
    [Test, Order(745)]
    public async Task G8_A_price_changed_in_the_admin_shows_at_once_in_a_shoppers_reused_product_boxes()
    {
        (await SettingAsync("productboxcacheminutes")).Should().Be("5", "a new install reuses a shopper's boxes for five minutes");

        using var shopper = await NewTreatedShopperAsync("ReusedBoxes");
        var page = _state.Products[0];
        var block = WaitForBlock(shopper, "Similar", () => shopper.ViewProduct(page), $"the page of {page.Name}");
        //the second view reuses the boxes the first one prepared
        shopper.ViewProduct(page);
        var (productId, original, shownBefore) = block.ProductIds
            .Select(id => (Id: id, Price: AdminProductPrice.Read(Admin, id), Shown: BoxPrice(shopper, id)))
            .FirstOrDefault(box => box.Shown.Contains(box.Price.ToString("N2", CultureInfo.GetCultureInfo("en-US"))));
        productId.Should().BeGreaterThan(0, "one of the recommended products shows its plain price: {0}", block);

        var changed = original + 13.37m;
        AdminProductPrice.Set(Admin, productId, changed);
        try
        {
            var expected = changed.ToString("N2", CultureInfo.GetCultureInfo("en-US"));
            var shownAfter = Poll.Until(() =>
                {
                    shopper.ViewProduct(page);
                    return PlacementBlock.On(shopper.Browser).Any(b => b.ProductIds.Contains(productId)) ? BoxPrice(shopper, productId) : null;
                }, shown => shown != null, _widgetTimeout, $"product {productId} on the page of {page.Name} again", TimeSpan.FromSeconds(1));

            shownAfter.Should().Contain(expected, "the box of a product whose price changed is prepared again at once (it showed {0} before)", shownBefore);
            shownBefore.Should().NotContain(expected);
        }
        finally
        {
            AdminProductPrice.Set(Admin, productId, original);
        }
    }

    private static string BoxPrice(ShopperSession shopper, int productId) =>
        shopper.Browser.FindPresent(By.CssSelector($"[data-personalization-product='{productId}'] .product-item .actual-price")).Text;
}
