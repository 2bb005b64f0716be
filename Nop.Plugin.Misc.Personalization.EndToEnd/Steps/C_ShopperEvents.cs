using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    [Test, Order(300)]
    public async Task C1_A_guest_viewing_and_searching_leaves_view_and_search_events()
    {
        using var guest = NewShopper("Guest-browsing");
        var (first, second, third) = (_state.Products[0], _state.Products[1], _state.Products[2]);
        guest.ViewProduct(first);
        guest.ViewProduct(second);
        guest.ViewProduct(third);
        var term = SearchTermFor(first);
        guest.Search(term);
        guest.Search("zzqqxxnothing");

        var customerId = await guest.CustomerIdAsync();
        var store = _state.StoreId;
        await ShopEvents.WaitForAsync(_database, customerId, "three views, a search with results and one without",
            e => e is { Type: EventType.View, Quantity: 1, Query: null } && e.ProductId == first.Id && e.StoreId == store,
            e => e.Type == EventType.View && e.ProductId == second.Id && e.StoreId == store,
            e => e.Type == EventType.View && e.ProductId == third.Id && e.StoreId == store,
            e => e is { Type: EventType.Search, ProductId: 0, Quantity: > 0 } && e.Query == term && e.StoreId == store,
            e => e is { Type: EventType.Search, ProductId: 0, Quantity: 0, Query: "zzqqxxnothing" } && e.StoreId == store);
    }

    [Test, Order(310)]
    public async Task C2_A_guest_changing_the_cart_and_wishlist_leaves_cart_and_wishlist_events()
    {
        using var guest = NewShopper("Guest-cart");
        var (product, wished) = (_state.Products[3], _state.Products[4]);

        await guest.AddToCartAsync(product, quantity: 2);
        await guest.ChangeCartQuantityAsync(product, 5);
        await guest.ChangeCartQuantityAsync(product, 1);
        await guest.RemoveFromCartAsync(product);
        await guest.AddToWishlistAsync(wished);

        var customerId = await guest.CustomerIdAsync();
        var store = _state.StoreId;
        var rows = await ShopEvents.WaitForAsync(_database, customerId, "add 2, add 3 more, remove 4, remove the last one, wish",
            e => e is { Type: EventType.AddToCart, Quantity: 2 } && e.ProductId == product.Id && e.StoreId == store,
            e => e is { Type: EventType.AddToCart, Quantity: 3 } && e.ProductId == product.Id,
            e => e is { Type: EventType.RemoveFromCart, Quantity: 4 } && e.ProductId == product.Id,
            e => e is { Type: EventType.RemoveFromCart, Quantity: 1 } && e.ProductId == product.Id,
            e => e is { Type: EventType.Wishlist, Quantity: 1 } && e.ProductId == wished.Id && e.StoreId == store);

        rows.Count(e => e.Type is EventType.AddToCart or EventType.RemoveFromCart).Should()
            .Be(4, "each cart change is one event, none twice: {0}", string.Join("; ", rows));
        rows.Should().OnlyContain(e => e.CustomerId == customerId && e.OrderId == 0, "a guest's browsing carries the guest's id and no order");
        rows.Where(e => e.Type is EventType.AddToCart or EventType.RemoveFromCart).Should()
            .OnlyContain(e => e.Value == product.Price, "a cart event carries the product's unit price ({0})", product.Price);
        rows.Single(e => e.Type == EventType.Wishlist).Value.Should().Be(wished.Price, "a wishlist event carries the product's unit price");
    }

    /// <summary>
    /// A word of the product's name the shop's search finds it by.
    /// </summary>
    private static string SearchTermFor(ShopProduct product) =>
        product.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(word => word.Length).First().ToLowerInvariant();
}
