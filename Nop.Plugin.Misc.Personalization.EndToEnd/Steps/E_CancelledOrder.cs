using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    /// <summary>
    /// An order the administrator cancels (Admin → Sales → Orders → Cancel order) no longer counts as a purchase: its
    /// purchase events go, while the shopper's other purchases stay.
    /// </summary>
    [Test, Order(510)]
    public async Task E2_An_order_the_admin_cancels_loses_its_purchase_events()
    {
        //a guest: nopCommerce makes one customer wait between two orders, and the registered shopper ordered in step E1
        using var shopper = NewShopper("CancelledBuyer");
        var product = _state.Products[^1];
        await shopper.AddToCartAsync(product);
        var orderId = await shopper.CheckOutAsync();
        var customerId = await shopper.CustomerIdAsync();
        await ShopEvents.WaitForAsync(_database, customerId, $"the purchase event of order {orderId}",
            e => e.Type == EventType.Purchase && e.OrderId == orderId && e.ProductId == product.Id);

        Admin.Browser.Open($"Admin/Order/Edit/{orderId}");
        Admin.Browser.Click(By.Id("cancelorder"));
        Admin.Browser.Click(Admin.Browser.FindPresent(By.Id("cancelorder-action-confirmation-submit-button")));

        (await Poll.UntilAsync(() => _database.ScalarAsync<int>("SELECT \"OrderStatusId\" FROM \"Order\" WHERE \"Id\" = @o", ("o", orderId)),
            status => status == CANCELLED_ORDER_STATUS, TimeSpan.FromSeconds(30), $"order {orderId} cancelled in nopCommerce")).Should().Be(CANCELLED_ORDER_STATUS);
        var left = await Poll.UntilAsync(() => ShopEvents.WhereAsync(_database, "\"EventType\" = 6 AND \"OrderId\" = @o", ("o", orderId)),
            rows => rows.Count == 0, ShopEvents.WriteTimeout, $"no purchase event of cancelled order {orderId}");
        left.Should().BeEmpty();
        (await ShopEvents.WhereAsync(_database, "\"EventType\" = 6 AND \"OrderId\" = @o", ("o", _state.FirstSuiteOrderId))).Should()
            .NotBeEmpty("the order of step E1 still counts");
    }
}
