using System.Net;
using System.Text.RegularExpressions;
using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    /// <summary>
    /// Customers besides the shopper with a repeat-purchase history of the product: a product is replenishable when at
    /// least five customers bought it on two or more days (Engine/Replenishment/ReplenishmentOptions.cs).
    /// </summary>
    private const int REPEAT_BUYERS = 6;

    private const int CYCLE_DAYS = 30;

    /// <summary>
    /// The owner turns reminders on; the registered shopper subscribed to the newsletter (the consent) and bought a product
    /// 60 and 30 days ago that six other customers re-buy every 30 days, so they are due now. After a recount (a segment
    /// saved, then training) the reminder task queues one e-mail to them naming the product with its tracked link and the
    /// plugin's signed newsletter unsubscribe link; both links answer, and merely opening the unsubscribe link (as a
    /// mail scanner would) ends nothing: it asks for a confirmation (confirmed in step P).
    /// </summary>
    [Test, Order(960)]
    public async Task O1_A_due_subscribed_shopper_gets_a_reminder_email_with_working_product_and_unsubscribe_links()
    {
        var (email, _, customerId) = _state.Registered;
        var product = _state.Products[4];

        var page = Configuration().Open();
        var reminders = Admin.Browser.FindPresent(By.Id("ReplenishmentEmailsEnabled"));
        if (!reminders.Selected)
            Admin.Browser.Click(reminders);
        page.Save().Should().BeEmpty();
        (await SettingAsync("replenishmentemailsenabled")).Should().BeEquivalentTo("true", "the owner turned reminders on");

        //the consent: an active subscription for the store and e-mail (registering may have subscribed them already)
        await _database.ExecuteAsync("""
            INSERT INTO "NewsLetterSubscription" ("NewsLetterSubscriptionGuid", "Email", "Active", "StoreId", "CreatedOnUtc", "LanguageId", "TypeId")
            SELECT @g, @e, TRUE, @s, NOW() AT TIME ZONE 'UTC', 0, (SELECT MIN("Id") FROM "NewsLetterSubscriptionType")
            WHERE NOT EXISTS (SELECT 1 FROM "NewsLetterSubscription" WHERE LOWER("Email") = LOWER(@e) AND "StoreId" = @s)
            """, ("g", Guid.NewGuid()), ("e", email), ("s", _state.StoreId));
        await _database.ExecuteAsync("UPDATE \"NewsLetterSubscription\" SET \"Active\" = TRUE WHERE LOWER(\"Email\") = LOWER(@e) AND \"StoreId\" = @s",
            ("e", email), ("s", _state.StoreId));

        var others = await _database.ListAsync("""
            SELECT "Id" FROM "Customer" WHERE NOT "Deleted" AND NOT "IsSystemAccount" AND "Id" <> @r ORDER BY "Id" LIMIT @n
            """, reader => reader.GetInt32(0), ("r", customerId), ("n", REPEAT_BUYERS));
        others.Should().HaveCount(REPEAT_BUYERS, "the shop has customers enough for a repeat-purchase history");
        //the others bought every 30 days, the last time 24 days ago (due in 6 days: outside the reminder window)
        foreach (var other in others)
            await InsertPurchasesAsync(other, product, [84, 54, 24]);
        //the shopper: 60 and 30 days ago, so due today
        await InsertPurchasesAsync(customerId, product, [2 * CYCLE_DAYS, CYCLE_DAYS]);

        var segment = (await ShopProfiles.SegmentsAsync(_database)).First(s => s.Enabled);
        SegmentEditPage.SaveUnchanged(page, Admin.Browser, segment.Name);
        page.Open().Train().Should().MatchRegex("Models trained from [1-9][0-9]* interactions", "training runs");
        await Poll.UntilAsync(() => _database.CountAsync("""
                SELECT COUNT(*) FROM "Personalization_Prediction" WHERE "CustomerId" = @c AND "ProductId" = @p AND "Kind" = 1
                  AND "EmailedOnUtc" IS NULL AND "DueOnUtc" BETWEEN (NOW() AT TIME ZONE 'UTC') - INTERVAL '2 days' AND (NOW() AT TIME ZONE 'UTC') + INTERVAL '3 days'
                """, ("c", customerId), ("p", product.Id)), count => count == 1, _insightsTimeout,
            $"a replenishment prediction of product {product.Id} for customer {customerId}, due now");

        var taskId = await _database.ScalarAsync<int>("SELECT \"Id\" FROM \"ScheduleTask\" WHERE \"Type\" = 'Nop.Plugin.Misc.Personalization.Tasks.ReplenishmentEmailTask'");
        taskId.Should().BeGreaterThan(0, "the plugin installed its reminder task");
        var lastEmailId = await _database.ScalarAsync<int>("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"QueuedEmail\"");
        var ran = ScheduleTaskList.RunNow(Admin, taskId);

        var emails = await Poll.UntilAsync(() => _database.ListAsync("""
                SELECT "Subject", "Body" FROM "QueuedEmail" WHERE "Id" > @last AND LOWER("To") = LOWER(@e) ORDER BY "Id"
                """, reader => (Subject: reader.GetString(0), Body: reader.GetString(1)), ("last", lastEmailId), ("e", email)),
            rows => rows.Count > 0, TimeSpan.FromSeconds(30), $"a queued e-mail to {email} after running the reminder task (page said: {ran})");
        emails.Should().ContainSingle("one reminder per customer");
        var body = emails[0].Body;
        body.Should().Contain(WebUtility.HtmlEncode(product.Name), "the reminder names the product");

        //links start with the store's URL as the shop stored it at installation
        var storeRoot = (await _database.ScalarAsync<string>("SELECT \"Url\" FROM \"Store\" WHERE \"Id\" = @s", ("s", _state.StoreId))).TrimEnd('/');
        var unsubscribeLink = ReminderLink(body, "personalization/email/unsubscribe");
        var links = Regex.Matches(body, "href=\"([^\"]+)\"").Select(match => WebUtility.HtmlDecode(match.Groups[1].Value)).ToList();
        //the product's line links to its page through the e-mail's tracked click (step U follows it and the open pixel)
        var productLink = links.Should().Contain(link => link.StartsWith($"{storeRoot}/personalization/email/click?t=", StringComparison.Ordinal),
            "the reminder links to the product through a tracked click").Which;
        unsubscribeLink.Should().StartWith($"{storeRoot}/personalization/email/unsubscribe?token=", "the reminder carries the plugin's signed unsubscribe link");

        //opened on this shop (the stored URL may name the host differently)
        using var visitor = NewShopper("ReminderReader");
        visitor.Browser.Open(new Uri(productLink).PathAndQuery);
        visitor.Browser.FindPresent(By.CssSelector($"#add-to-cart-button-{product.Id}"));
        new Uri(visitor.Browser.Driver.Url).AbsolutePath.Should().EndWith($"/{product.Slug}", "the tracked link lands on the product's page");
        (await _shop.StatusOfAsync(new Uri(productLink).PathAndQuery)).Should().Be(HttpStatusCode.Redirect, "the tracked link redirects");

        (await _shop.StatusOfAsync(new Uri(unsubscribeLink).PathAndQuery)).Should().Be(HttpStatusCode.OK, "the unsubscribe link answers with its confirmation page");
        (await _database.CountAsync("SELECT COUNT(*) FROM \"NewsLetterSubscription\" WHERE LOWER(\"Email\") = LOWER(@e) AND \"StoreId\" = @s AND \"Active\"",
                ("e", email), ("s", _state.StoreId)))
            .Should().BeGreaterThan(0, "opening the link without confirming ends nothing");
    }

    private Task<int> InsertPurchasesAsync(int customerId, ShopProduct product, int[] daysAgo) =>
        _database.ExecuteAsync("""
            INSERT INTO "Personalization_Event" ("StoreId", "CustomerId", "EventType", "ProductId", "Quantity", "Value", "OrderId", "Placement", "Query", "CreatedOnUtc")
            SELECT @s, @c, 6, @p, 1, @v, 0, NULL, NULL, (NOW() AT TIME ZONE 'UTC') - make_interval(days => d) FROM unnest(@days) d
            """, ("s", _state.StoreId), ("c", customerId), ("p", product.Id), ("v", product.Price), ("days", daysAgo));
}
