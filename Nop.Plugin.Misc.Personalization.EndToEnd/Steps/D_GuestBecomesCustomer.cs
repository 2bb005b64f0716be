using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    public const string SHOPPER_PASSWORD = "Shopper123!x";

    /// <summary>
    /// Registering turns the guest's own customer row into the account (Consumers/CustomerConsumer.cs: no move needed),
    /// so what they did as a guest counts for the registered customer.
    /// </summary>
    [Test, Order(400)]
    public async Task D1_A_guest_who_registers_keeps_their_history()
    {
        using var shopper = NewShopper("Registering");
        var (first, second) = (_state.Products[5], _state.Products[6]);
        shopper.ViewProduct(first);
        shopper.ViewProduct(second);
        var guestId = await shopper.CustomerIdAsync();
        await ShopEvents.WaitForAsync(_database, guestId, "the guest's two views",
            e => e.Type == EventType.View && e.ProductId == first.Id,
            e => e.Type == EventType.View && e.ProductId == second.Id);

        var email = $"e2e-{Guid.NewGuid():N}@example.com";
        shopper.Register(email, SHOPPER_PASSWORD);

        var registeredId = await Poll.UntilAsync(() => _database.CustomerIdByEmailAsync(email), id => id > 0, TimeSpan.FromSeconds(10),
            $"the customer row of {email}");
        _state.Registered = (email, SHOPPER_PASSWORD, registeredId);

        var history = await ShopEvents.WaitForAsync(_database, registeredId, "the guest's views under the registered customer",
            e => e.Type == EventType.View && e.ProductId == first.Id,
            e => e.Type == EventType.View && e.ProductId == second.Id);
        history.Should().NotBeEmpty();
        shopper.LogOut();
    }

    /// <summary>
    /// A guest who logs in to an existing account: the plugin moves the guest's events to the account.
    /// </summary>
    [Test, Order(410)]
    public async Task D2_A_guest_who_logs_in_brings_their_history_to_the_account()
    {
        using var shopper = NewShopper("Returning");
        var (viewed, carted) = (_state.Products[7], _state.Products[8]);
        shopper.ViewProduct(viewed);
        await shopper.AddToCartAsync(carted);
        var guestId = await shopper.CustomerIdAsync();
        await ShopEvents.WaitForAsync(_database, guestId, "the guest's view and cart add",
            e => e.Type == EventType.View && e.ProductId == viewed.Id,
            e => e.Type == EventType.AddToCart && e.ProductId == carted.Id);

        shopper.LogIn(_state.Registered.Email, _state.Registered.Password);
        var accountId = _state.Registered.CustomerId;
        accountId.Should().NotBe(guestId);

        await ShopEvents.WaitForAsync(_database, accountId, "the guest's view and cart add under the account",
            e => e.Type == EventType.View && e.ProductId == viewed.Id,
            e => e.Type == EventType.AddToCart && e.ProductId == carted.Id);
        await Poll.UntilAsync(() => ShopEvents.OfCustomerAsync(_database, guestId), rows => rows.Count == 0, ShopEvents.WriteTimeout,
            $"no event left under the guest's id {guestId}");
        shopper.LogOut();
    }
}
