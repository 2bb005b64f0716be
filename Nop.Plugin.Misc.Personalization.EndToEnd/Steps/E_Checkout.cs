using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    [Test, Order(500)]
    public async Task E1_A_checked_out_order_becomes_purchase_events_with_its_order_and_prices()
    {
        using var shopper = NewShopper("Buyer");
        shopper.LogIn(_state.Registered.Email, _state.Registered.Password);
        var (first, second) = (_state.Products[9], _state.Products[10]);
        await shopper.AddToCartAsync(first, quantity: 2);
        await shopper.AddToCartAsync(second);

        var orderId = await shopper.CheckOutAsync();
        _state.FirstSuiteOrderId = orderId;
        var lines = await OrderLinesAsync(orderId);
        lines.Select(line => line.ProductId).Should().Contain([first.Id, second.Id], "the order holds what was in the cart");

        var customerId = _state.Registered.CustomerId;
        var rows = await ShopEvents.WaitForAsync(_database, customerId, $"a purchase event per line of order {orderId}",
            lines.Select(line => (Func<EventRow, bool>)(e => e.Type == EventType.Purchase && e.OrderId == orderId && e.ProductId == line.ProductId))
                .ToArray());

        foreach (var line in lines)
        {
            var purchase = rows.Single(e => e.Type == EventType.Purchase && e.OrderId == orderId && e.ProductId == line.ProductId);
            purchase.Quantity.Should().Be(line.Quantity, "the purchase carries the ordered quantity of {0}", line.ProductId);
            purchase.Value.Should().Be(line.UnitPriceExclTax, "the purchase carries the line's unit price excluding tax");
            purchase.StoreId.Should().Be(_state.StoreId);
        }

        shopper.Browser.Exists(OpenQA.Selenium.By.CssSelector(".order-completed-page")).Should().BeTrue("the order-completed page renders");
    }

    private Task<List<(int ProductId, int Quantity, decimal UnitPriceExclTax)>> OrderLinesAsync(int orderId) =>
        _database.ListAsync("SELECT \"ProductId\", \"Quantity\", \"UnitPriceExclTax\" FROM \"OrderItem\" WHERE \"OrderId\" = @o ORDER BY \"Id\"",
            reader => (reader.GetInt32(0), reader.GetInt32(1), reader.GetDecimal(2)), ("o", orderId));
}
