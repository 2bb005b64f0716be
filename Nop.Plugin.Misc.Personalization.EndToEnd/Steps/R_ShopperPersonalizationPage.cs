using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    /// <summary>
    /// The registered shopper opens My account → "Your personalisation": the page names, in words, the segments their
    /// profile holds (step K computed it) and says why each suggestion is there, or that they are in the comparison
    /// group.
    /// </summary>
    [Test, Order(965)]
    public async Task R1_A_registered_shopper_sees_what_the_shop_concluded_and_why_each_suggestion_is_there()
    {
        var customerId = _state.Registered.CustomerId;
        var profile = await ShopProfiles.OfCustomerAsync(_database, customerId, _state.StoreId);
        profile.Should().NotBeNull("step K found the registered shopper's profile");
        var segmentNames = (await ShopProfiles.SegmentsAsync(_database)).Where(segment => profile.SegmentIds.Contains(segment.Id))
            .Select(segment => segment.Name).ToList();

        using var shopper = NewShopper("OwnPage");
        shopper.LogIn(_state.Registered.Email, _state.Registered.Password);
        var page = MyPersonalizationPage.OpenFromAccount(shopper);

        page.LinkIsActive.Should().BeTrue("the account navigation marks the page shown");
        page.Text.Should().Contain("What the shop has concluded");
        foreach (var name in segmentNames)
            page.Segments.Should().Contain(name, "the page names the shopper's segments: {0}", page.Text);

        if (page.HeldOut)
            return;
        page.Recommendations.Should().NotBeEmpty("a shopper with history who is not held out gets suggestions: {0}", page.Text);
        page.Recommendations.Should().OnlyContain(row => !string.IsNullOrWhiteSpace(row.Reason), "every suggestion says why: {0}", page.Text);
    }

    /// <summary>
    /// "Download my data" gives the shopper one JSON file with what personalisation holds about them: a product they
    /// just looked at is in it.
    /// </summary>
    [Test, Order(983)]
    public async Task R2_The_shopper_downloads_what_personalisation_holds_about_them()
    {
        var customerId = _state.Registered.CustomerId;
        var product = _state.Products[0];
        using var shopper = NewShopper("OwnData");
        shopper.LogIn(_state.Registered.Email, _state.Registered.Password);
        shopper.ViewProduct(product);
        await ShopEvents.WaitForAsync(_database, customerId, "the view just made", e => e.Type == EventType.View && e.ProductId == product.Id);

        var download = MyPersonalizationPage.OpenFromAccount(shopper).Download();

        download.Status.Should().Be(200, "the download answers with the file: {0}", download.Body.Length > 300 ? download.Body[..300] : download.Body);
        download.Disposition.Should().Contain($"personalization-customer-{customerId}.json");
        using var document = System.Text.Json.JsonDocument.Parse(download.Body);
        download.Body.Should().Contain(product.Name, "the view of {0} is in the file", product.Name);
    }

    /// <summary>
    /// "Switch personalisation off": the shopper's choice is stored, what was recorded about them no longer names them,
    /// and what they do next is stored without their id; switching on again records them again.
    /// </summary>
    [Test, Order(984)]
    public async Task R3_Switching_personalisation_off_stops_identifying_the_shopper_and_on_again_resumes()
    {
        var customerId = _state.Registered.CustomerId;
        using var shopper = NewShopper("OptOut");
        shopper.LogIn(_state.Registered.Email, _state.Registered.Password);
        var page = MyPersonalizationPage.OpenFromAccount(shopper);
        page.IsOn.Should().BeTrue("personalisation is on for the shopper until they switch it off: {0}", page.Text);

        page.SwitchOff();
        page.IsOff.Should().BeTrue("the page shows the new state: {0}", page.Text);
        page.Result.Should().Contain("off");
        (await OptedOutAsync(customerId)).Should().Be("True");
        await Poll.UntilAsync(() => _database.CountAsync("SELECT COUNT(*) FROM \"Personalization_Event\" WHERE \"CustomerId\" = @c", ("c", customerId)),
            count => count == 0, ShopEvents.WriteTimeout, $"no event naming customer {customerId} after the switch");

        var before = await _database.ScalarAsync<long>("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Personalization_Event\"");
        var product = _state.Products[1];
        shopper.ViewProduct(product);
        var anonymous = await Poll.UntilAsync(() => ShopEvents.WhereAsync(_database, "\"Id\" > @id AND \"EventType\" = 1 AND \"ProductId\" = @p",
            ("id", before), ("p", product.Id)), rows => rows.Count > 0, ShopEvents.WriteTimeout, $"the view of product {product.Id} after switching off");
        anonymous.Should().OnlyContain(row => row.CustomerId == 0, "an opted-out shopper's view is kept for trending only");

        MyPersonalizationPage.OpenFromAccount(shopper).SwitchOn();
        (await OptedOutAsync(customerId)).Should().Be("False");
        shopper.ViewProduct(product);
        await ShopEvents.WaitForAsync(_database, customerId, "a view after switching on again", e => e.Type == EventType.View && e.ProductId == product.Id);
    }

    /// <summary>
    /// "Erase my data" without the tick erases nothing; with it, no plugin table names the shopper any more, and their
    /// orders stay.
    /// </summary>
    [Test, Order(985)]
    public async Task R4_Erasing_from_the_page_needs_the_tick_and_then_leaves_no_row_naming_the_shopper()
    {
        var customerId = _state.Registered.CustomerId;
        using var shopper = NewShopper("OwnErase");
        shopper.LogIn(_state.Registered.Email, _state.Registered.Password);
        var product = _state.Products[2];
        shopper.ViewProduct(product);
        await ShopEvents.WaitForAsync(_database, customerId, "a view to erase", e => e.Type == EventType.View && e.ProductId == product.Id);
        var orders = await _database.CountAsync("SELECT COUNT(*) FROM \"Order\" WHERE \"CustomerId\" = @c", ("c", customerId));

        var page = MyPersonalizationPage.OpenFromAccount(shopper);
        page.Erase(confirm: false);
        page.Result.Should().Contain("Nothing was erased");
        (await _database.CountAsync("SELECT COUNT(*) FROM \"Personalization_Event\" WHERE \"CustomerId\" = @c", ("c", customerId)))
            .Should().BePositive("nothing is erased without the tick");

        page = MyPersonalizationPage.OpenFromAccount(shopper);
        page.Erase(confirm: true);
        page.Result.Should().Contain("erased");
        foreach (var table in new[] { "Personalization_Event", "Personalization_Profile", "Personalization_Prediction", "Personalization_RoleMapping" })
        {
            (await _database.CountAsync($"SELECT COUNT(*) FROM \"{table}\" WHERE \"CustomerId\" = @c", ("c", customerId)))
                .Should().Be(0, "no {0} row names the shopper after they erased their data", table);
        }
        (await _database.CountAsync("SELECT COUNT(*) FROM \"Order\" WHERE \"CustomerId\" = @c", ("c", customerId)))
            .Should().Be(orders, "orders are the shop's, not personalisation's");
    }

    private Task<string> OptedOutAsync(int customerId) => _database.ScalarAsync<string>(
        "SELECT COALESCE(MAX(\"Value\"), 'False') FROM \"GenericAttribute\" WHERE \"EntityId\" = @c AND \"KeyGroup\" = 'Customer' AND \"Key\" = 'Personalization.OptedOut'",
        ("c", customerId));
}
