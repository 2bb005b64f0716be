using System.Net;
using System.Text.RegularExpressions;
using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    private const string ABANDONED_CART_TASK = "Nop.Plugin.Misc.Personalization.Tasks.AbandonedCartEmailTask";
    private const string RESTORE_CART_PATH = "personalization/email/cart";

    private ShopperSession _cartShopper;
    private (string Email, int CustomerId, string RestoreLink) _abandoned;

    /// <summary>
    /// A newly registered, subscribed shopper puts two products in the cart and leaves; the cart is aged in the shop's
    /// database past the first delay (60 minutes). The owner turns cart e-mails on, runs the task: one e-mail is queued
    /// through nopCommerce's queue with both products, their quantities and a signed restore link.
    /// </summary>
    [Test, Order(991)]
    public async Task T1_An_idle_cart_of_a_subscribed_shopper_is_emailed_with_its_items_and_a_restore_link()
    {
        var (first, second) = (_state.Products[1], _state.Products[2]);
        _cartShopper = NewShopper("CartAbandoner");
        var email = $"e2e-cart-{Guid.NewGuid():N}@example.com";
        _cartShopper.Register(email, SHOPPER_PASSWORD);
        var customerId = await Poll.UntilAsync(() => _database.CustomerIdByEmailAsync(email), id => id > 0, TimeSpan.FromSeconds(10), $"the customer row of {email}");
        //the consent: an active subscription of every type in the store
        await _database.ExecuteAsync("""
            INSERT INTO "NewsLetterSubscription" ("NewsLetterSubscriptionGuid", "Email", "Active", "StoreId", "CreatedOnUtc", "LanguageId", "TypeId")
            SELECT gen_random_uuid(), @e, TRUE, @s, NOW() AT TIME ZONE 'UTC', 0, t."Id" FROM "NewsLetterSubscriptionType" t
            """, ("e", email), ("s", _state.StoreId));

        await _cartShopper.AddToCartAsync(first, 2);
        await _cartShopper.AddToCartAsync(second);
        await ShopEvents.WaitForAsync(_database, customerId, "the two cart additions",
            e => e.Type == EventType.AddToCart && e.ProductId == first.Id, e => e.Type == EventType.AddToCart && e.ProductId == second.Id);
        var cartPrices = (First: _cartShopper.CartUnitPrice(first), Second: _cartShopper.CartUnitPrice(second));
        //the shopper left two hours ago: the cart lines and the captured additions are aged alike
        await _database.ExecuteAsync("""
            UPDATE "ShoppingCartItem" SET "UpdatedOnUtc" = "UpdatedOnUtc" - INTERVAL '2 hours', "CreatedOnUtc" = "CreatedOnUtc" - INTERVAL '2 hours'
            WHERE "CustomerId" = @c
            """, ("c", customerId));
        await _database.ExecuteAsync("""
            UPDATE "Personalization_Event" SET "CreatedOnUtc" = "CreatedOnUtc" - INTERVAL '2 hours' WHERE "CustomerId" = @c AND "EventType" IN (3, 4)
            """, ("c", customerId));

        new AdminCheckboxSetting(Admin, _state.ConfigurationUrl, "AbandonedCartEmailsEnabled").Set(true);
        (await SettingAsync("abandonedcartemailsenabled")).Should().BeEquivalentTo("true", "the owner turned cart e-mails on");

        var lastEmailId = await _database.ScalarAsync<int>("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"QueuedEmail\"");
        var ran = ScheduleTaskList.RunNow(Admin, await AbandonedCartTaskIdAsync());
        var emails = await Poll.UntilAsync(() => QueuedBodiesAsync(lastEmailId, email), rows => rows.Count > 0, TimeSpan.FromSeconds(30),
            $"a queued cart e-mail to {email} (run said: {ran})");

        var body = emails.Should().ContainSingle("one e-mail per cart state").Subject;
        body.Should().Contain(WebUtility.HtmlEncode(first.Name)).And.Contain(WebUtility.HtmlEncode(second.Name)).And.Contain("× 2").And.Contain("× 1");
        //each line's price is what the shopper's cart page shows for it (nopCommerce's own price, discount and tax rules)
        body.Should().Contain($"<td>{WebUtility.HtmlEncode(cartPrices.First)}</td><td>× 2</td>").And.Contain($"<td>{WebUtility.HtmlEncode(cartPrices.Second)}</td><td>× 1</td>");
        var storeRoot = (await _database.ScalarAsync<string>("SELECT \"Url\" FROM \"Store\" WHERE \"Id\" = @s", ("s", _state.StoreId))).TrimEnd('/');
        var restore = ReminderLink(body, RESTORE_CART_PATH);
        restore.Should().StartWith($"{storeRoot}/{RESTORE_CART_PATH}?token=", "the e-mail carries the signed restore link");
        (await _database.CountAsync("SELECT COUNT(*) FROM \"Personalization_CartReminder\" WHERE \"CustomerId\" = @c", ("c", customerId)))
            .Should().Be(1, "the e-mailed cart state is recorded");
        _abandoned = (email, customerId, restore);
    }

    /// <summary>
    /// The restore link: in a fresh browser it leads to the login page (a link never signs anyone in), in the shopper's
    /// own browser to their cart with the products; a tampered token is refused; the return is logged as an
    /// abandoned-cart e-mail click for the signed customer.
    /// </summary>
    [Test, Order(992)]
    public async Task T2_The_restore_link_shows_the_cart_to_its_shopper_asks_others_to_log_in_and_logs_the_return()
    {
        var path = new Uri(_abandoned.RestoreLink).PathAndQuery;

        using var stranger = NewShopper("CartLinkStranger");
        stranger.Browser.Open(path);
        stranger.Browser.WaitFor(driver => new Uri(driver.Url).AbsolutePath.Contains("login", StringComparison.OrdinalIgnoreCase) ? driver.Url : null,
            "the login page for a browser that is not the shopper's");
        stranger.Browser.CurrentPath.Should().Contain("returnUrl=", "after logging in the cart follows");

        _cartShopper.Browser.Open(path);
        _cartShopper.Browser.FindPresent(By.CssSelector(".shopping-cart-page"));
        _cartShopper.Browser.PageSource.Should().Contain(WebUtility.HtmlEncode(_state.Products[1].Name), "the shopper sees their cart");

        //the restore token alone (the link also carries the e-mail's own cart token as e=)
        var start = path.IndexOf("token=", StringComparison.Ordinal) + "token=".Length;
        var end = path.IndexOf('&', start);
        var token = end < 0 ? path[start..] : path[start..end];
        path.Should().Contain("&e=", "the restore link carries the e-mail's signed cart token, so the return counts for this e-mail");
        var tampered = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];
        (await _shop.StatusOfAsync(path.Replace(token, tampered, StringComparison.Ordinal))).Should().Be(HttpStatusCode.BadRequest, "a tampered link is refused");

        await Poll.UntilAsync(() => _database.CountAsync("""
                SELECT COUNT(*) FROM "Personalization_Event" WHERE "CustomerId" = @c AND "EventType" = 10 AND "Placement" LIKE 'email:2:%'
                """, ("c", _abandoned.CustomerId)), count => count >= 2, ShopEvents.WriteTimeout,
            "the two returns through the link logged as abandoned-cart e-mail clicks of the signed customer");
    }

    /// <summary>
    /// The same cart state is never e-mailed twice: a second run queues nothing for the shopper. The owner turns the
    /// feature off again.
    /// </summary>
    [Test, Order(993)]
    public async Task T3_A_second_run_does_not_email_the_same_cart_again_and_the_feature_is_turned_off()
    {
        try
        {
            var lastEmailId = await _database.ScalarAsync<int>("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"QueuedEmail\"");
            var ran = ScheduleTaskList.RunNow(Admin, await AbandonedCartTaskIdAsync());

            (await QueuedBodiesAsync(lastEmailId, _abandoned.Email)).Should().BeEmpty($"the cart state was e-mailed already (run said: {ran})");
        }
        finally
        {
            new AdminCheckboxSetting(Admin, _state.ConfigurationUrl, "AbandonedCartEmailsEnabled").Set(false);
            _cartShopper?.Dispose();
        }

        (await SettingAsync("abandonedcartemailsenabled")).Should().BeEquivalentTo("false", "the owner turned cart e-mails off");
    }

    private async Task<int> AbandonedCartTaskIdAsync()
    {
        var taskId = await _database.ScalarAsync<int>("SELECT \"Id\" FROM \"ScheduleTask\" WHERE \"Type\" = @t", ("t", ABANDONED_CART_TASK));
        taskId.Should().BeGreaterThan(0, "the plugin installed its abandoned-cart task");
        return taskId;
    }

    private Task<List<string>> QueuedBodiesAsync(int afterId, string email) =>
        _database.ListAsync("SELECT \"Body\" FROM \"QueuedEmail\" WHERE \"Id\" > @last AND LOWER(\"To\") = LOWER(@e) ORDER BY \"Id\"",
            reader => reader.GetString(0), ("last", afterId), ("e", email));
}
