using System.Net;
using System.Text.RegularExpressions;
using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

/// <summary>
/// The reminder queued in step O1 is tracked: its send is in the send log, its open pixel answers a GIF and records one open of
/// that e-mail, its product link records a click and redirects to the product's page, a tampered link leads home and
/// records nothing, and the performance card counts the e-mail type.
/// </summary>
public partial class PersonalizationInShopTests
{
    private const string OPEN = "9";
    private const string CLICK = "10";

    [Test, Order(961)]
    public async Task U1_The_reminders_open_pixel_answers_a_gif_and_records_one_open_of_that_email()
    {
        var body = await TrackedReminderBodyAsync();
        var pixel = TrackedLinks(body, "/personalization/email/open?t=").Should().ContainSingle("one pixel per e-mail").Subject;
        (await _database.CountAsync("SELECT COUNT(*) FROM \"Personalization_EmailSend\" WHERE \"Kind\" = 1 AND \"CustomerId\" = @c AND \"StoreId\" = @s",
            ("c", _state.Registered.CustomerId), ("s", _state.StoreId))).Should().BeGreaterThan(0, "the reminder's send was recorded in the send log");

        using var client = ShopProcess.NewClient();
        //a mail client that shows the message twice loads the pixel twice
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync(_shop.Url(new Uri(pixel).PathAndQuery));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Content.Headers.ContentType?.MediaType.Should().Be("image/gif");
        }

        var opens = await Poll.UntilAsync(() => EmailEventsAsync(OPEN), rows => rows.Count > 0, ShopEvents.WriteTimeout, "the open event written");
        var (customerId, placement, _) = opens.Should().ContainSingle("one open per e-mail").Subject;
        placement.Should().MatchRegex("^email:1:[1-9][0-9]*$", "the open names the reminder kind and the e-mail id");
        customerId.Should().BeOneOf([0, _state.Registered.CustomerId], "the recipient comes from the signed token (named only with tracking consent)");
    }

    [Test, Order(962)]
    public async Task U2_The_reminders_product_link_records_a_click_and_redirects_to_the_products_page()
    {
        var product = _state.Products[4];
        var body = await TrackedReminderBodyAsync();
        var link = TrackedLinks(body, "/personalization/email/click?t=")[0];
        var before = (await EmailEventsAsync(CLICK)).Count;

        using var client = ShopProcess.NewClient();
        using var response = await client.GetAsync(_shop.Url(new Uri(link).PathAndQuery));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        location.IsAbsoluteUri.Should().BeFalse("the redirect stays on this shop");
        location.OriginalString.Should().EndWith($"/{product.Slug}", "the click leads to the signed product's page");
        var clicks = await Poll.UntilAsync(() => _database.ListAsync($"""
                SELECT "ProductId", "Placement" FROM "Personalization_Event" WHERE "EventType" = {CLICK} AND "StoreId" = @s ORDER BY "Id"
                """, reader => (ProductId: reader.GetInt32(0), Placement: reader.GetString(1)), ("s", _state.StoreId)),
            rows => rows.Count > before, ShopEvents.WriteTimeout, "the click event written");
        var opened = (await EmailEventsAsync(OPEN)).Select(open => open.Placement).ToList();
        clicks[^1].Should().Be((product.Id, opened.Single()), "the click names the product and the same e-mail as its open");
    }

    [Test, Order(963)]
    public async Task U3_A_tampered_or_foreign_link_leads_home_and_records_nothing()
    {
        var body = await TrackedReminderBodyAsync();
        var link = new Uri(TrackedLinks(body, "/personalization/email/click?t=")[0]).PathAndQuery;
        var token = link[(link.IndexOf("?t=", StringComparison.Ordinal) + 3)..];
        var tampered = link[..^token.Length] + (token[5] == 'A' ? token[..5] + "B" + token[6..] : token[..5] + "A" + token[6..]);
        var before = (await EmailEventsAsync(CLICK)).Count;

        using var client = ShopProcess.NewClient();
        foreach (var path in new[] { tampered, "/personalization/email/click?t=https%3A%2F%2Fevil.example%2F", "/personalization/email/click" })
        {
            using var response = await client.GetAsync(_shop.Url(path));
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, path);
            var location = response.Headers.Location!;
            location.IsAbsoluteUri.Should().BeFalse("{0} must not lead off the shop", path);
            location.OriginalString.Should().NotContain("evil").And.NotContain(_state.Products[4].Slug, "a bad token leads home");
        }

        //give the writer the time a click would take, then nothing may have been added
        await Task.Delay(ShopEvents.WriteTimeout / 6);
        (await EmailEventsAsync(CLICK)).Should().HaveCount(before);
    }

    [Test, Order(964)]
    public void U4_The_performance_card_counts_the_reminders_sent_opened_and_clicked()
    {
        var browser = Admin.Browser;
        //the report is kept for a minute: reload until it includes steps O1 to U3
        var row = Poll.Until(() =>
        {
            Configuration().Open();
            var rows = browser.All(By.CssSelector("#personalization-email-performance tbody tr"));
            return rows.Select(r => r.FindElements(By.TagName("td")).Select(td => td.Text).ToList())
                .FirstOrDefault(cells => cells.Count > 0 && cells[0] == "Replenishment reminders");
        }, cells => cells != null && cells[2] != "0 (0.0%)" && !cells[3].StartsWith("0 ", StringComparison.Ordinal), TimeSpan.FromSeconds(90),
            "the reminders' row with an open and a click", TimeSpan.FromSeconds(10));

        int.Parse(row[1], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(0, "the reminder was sent");
        row[2].Should().StartWith("1 ", "one e-mail opened (its pixel loaded twice)");
        row[3].Should().StartWith("1 ", "one e-mail clicked (its link followed several times)");
    }

    private async Task<string> TrackedReminderBodyAsync()
    {
        var bodies = await _database.ListAsync("""
            SELECT "Body" FROM "QueuedEmail" WHERE LOWER("To") = LOWER(@e) AND "Body" LIKE '%/personalization/email/open?t=%' ORDER BY "Id" DESC LIMIT 1
            """, reader => reader.GetString(0), ("e", _state.Registered.Email));
        return bodies.Should().ContainSingle("step O1 queued a tracked reminder").Subject;
    }

    private static List<string> TrackedLinks(string body, string pathPart) =>
        Regex.Matches(body, "(?:href|src)=\"([^\"]+)\"").Select(match => WebUtility.HtmlDecode(match.Groups[1].Value))
            .Where(link => link.Contains(pathPart, StringComparison.Ordinal)).ToList();

    private Task<List<(int CustomerId, string Placement, int ProductId)>> EmailEventsAsync(string type) =>
        _database.ListAsync($"""
            SELECT "CustomerId", "Placement", "ProductId" FROM "Personalization_Event"
            WHERE "EventType" = {type} AND "StoreId" = @s AND "Placement" LIKE 'email:1:%' ORDER BY "Id"
            """, reader => (reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2)), ("s", _state.StoreId));
}
