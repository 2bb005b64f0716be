using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

/// <summary>
/// Every default placement (Services/Placements/DefaultPlacements.cs) renders products on its page once a model is
/// trained, through the theme's own product box, for a shopper outside the holdout.
/// </summary>
public partial class PersonalizationInShopTests
{
    [Test, Order(700)]
    public async Task G1_The_home_page_shows_picked_for_you_and_counts_an_impression()
    {
        using var shopper = await NewTreatedShopperAsync("Home");
        shopper.ViewProduct(_state.Products[0]);
        shopper.ViewProduct(_state.Products[1]);
        var forYou = await _database.ScalarAsync<int>("SELECT MIN(\"Id\") FROM \"Personalization_Placement\" WHERE \"Strategy\" = 'ForYou'");
        var before = await ImpressionCounts.OfPlacementAsync(_database, forYou);

        var block = WaitForBlock(shopper, "ForYou", shopper.OpenHome, "the home page");
        AssertRenderedThroughProductBoxes(block);
        block.HasTracking.Should().BeTrue("a rendered placement carries its click tracking");
        block.PlacementId.Should().Be(forYou);

        await ImpressionCounts.WaitForRenderAsync(_database, block.PlacementId, before, block.ProductIds.Count, "the home page's render");
        var customerId = await shopper.CustomerIdAsync();
        (await ShopEvents.OfCustomerAsync(_database, customerId)).Should().NotContain(e => e.Type == EventType.RecommendationImpression,
            "impressions are counted per placement, not stored one row per render and shopper");
    }

    [Test, Order(710)]
    public async Task G2_A_product_page_shows_similar_and_bought_together_without_the_product_itself()
    {
        using var shopper = await NewTreatedShopperAsync("ProductPage");
        var product = _state.Products[0];
        //both placements of one page view: they share the page's list of products already shown
        var blocks = Poll.Until(() =>
            {
                shopper.ViewProduct(product);
                return PlacementBlock.On(shopper.Browser).ToDictionary(block => block.Strategy);
            }, found => found.ContainsKey("Similar") && found.ContainsKey("BoughtTogether"), _widgetTimeout,
            $"both default placements (Similar, BoughtTogether) on the page of {product.Name}", TimeSpan.FromSeconds(2));
        foreach (var block in blocks.Values)
        {
            AssertRenderedThroughProductBoxes(block);
            block.ProductIds.Should().NotContain(product.Id, "the product on the page is not recommended to itself");
        }

        blocks["Similar"].ProductIds.Should().NotIntersectWith(blocks["BoughtTogether"].ProductIds, "a page shows a product in one placement only");

        //step F1's shoppers looked at these together with the product: the trained model knows them as its neighbours
        //(whichever placement renders first on the page takes them; the other one then shows different products)
        var seenTogether = new[] { _state.Products[1].Id, _state.Products[2].Id, _state.Products[11].Id };
        blocks.Values.SelectMany(block => block.ProductIds).Should().IntersectWith(seenTogether,
            "the product page recommends what shoppers looked at together, not only what is trending: {0}", string.Join("; ", blocks.Values));
    }

    [Test, Order(720)]
    public async Task G3_A_category_page_shows_trending_in_the_category()
    {
        using var shopper = await NewTreatedShopperAsync("CategoryPage");
        var block = WaitForBlock(shopper, "TrendingInCategory", () => shopper.ViewCategory(_state.Products[0]),
            $"the category page {_state.Products[0].CategorySlug}");
        AssertRenderedThroughProductBoxes(block);
    }

    [Test, Order(730)]
    public async Task G4_The_cart_shows_cross_sell_without_what_is_in_the_cart()
    {
        using var shopper = await NewTreatedShopperAsync("CartPage");
        var inCart = _state.Products[1];
        await shopper.AddToCartAsync(inCart);

        var block = WaitForBlock(shopper, "CartCrossSell", shopper.OpenCart, "the cart page");
        AssertRenderedThroughProductBoxes(block);
        block.ProductIds.Should().NotContain(inCart.Id, "what is in the cart is not offered again");
    }

    [Test, Order(740)]
    public async Task G5_The_order_completed_page_shows_what_customers_also_bought()
    {
        using var shopper = await NewTreatedShopperAsync("GuestBuyer");
        var bought = _state.Products[2];
        await shopper.AddToCartAsync(bought);
        var orderId = await shopper.CheckOutAsync();

        var blocks = PlacementBlock.On(shopper.Browser);
        var block = blocks.FirstOrDefault(b => b.Strategy == "OrderCompletedComplements");
        block.Should().NotBeNull($"the order-completed page of order {orderId} shows the complements placement (blocks: {string.Join("; ", blocks)})");
        AssertRenderedThroughProductBoxes(block);
        block.ProductIds.Should().NotContain(bought.Id, "what was just ordered is not recommended on the thank-you page");
    }
}
