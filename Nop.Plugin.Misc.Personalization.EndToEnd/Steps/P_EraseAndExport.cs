using System.Text.Json;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    private static readonly string[] _customerKeyedTables = ["Personalization_Event", "Personalization_Profile", "Personalization_Prediction"];

    /// <summary>
    /// Admin → Customers → the registered shopper → the plugin block's download: one JSON file named after the customer
    /// holding their product views (by id and name), their profile and what the file is.
    /// </summary>
    [Test, Order(970)]
    public async Task P1_The_admin_downloads_everything_the_plugin_holds_on_a_customer_as_one_JSON_file()
    {
        var customerId = _state.Registered.CustomerId;
        var viewed = await _database.ListAsync("""
            SELECT DISTINCT e."ProductId", p."Name" FROM "Personalization_Event" e JOIN "Product" p ON p."Id" = e."ProductId"
            WHERE e."CustomerId" = @c AND e."EventType" = 1
            """, reader => (Id: reader.GetInt32(0), Name: reader.GetString(1)), ("c", customerId));
        viewed.Should().NotBeEmpty("the registered shopper viewed products in step D");
        var stored = await _database.CountAsync("SELECT COUNT(*) FROM \"Personalization_Event\" WHERE \"CustomerId\" = @c", ("c", customerId));

        var download = CustomerDataPages.DownloadExport(Admin, customerId);

        download.Status.Should().Be(200, "the export answers: {0}", download.Body.Length > 500 ? download.Body[..500] : download.Body);
        download.ContentType.Should().StartWith("application/json");
        download.ContentDisposition.Should().Contain($"personalization-customer-{customerId}.json");
        using var document = JsonDocument.Parse(download.Body);
        var root = document.RootElement;
        root.GetProperty("about").GetProperty("customerId").GetInt32().Should().Be(customerId);
        root.GetProperty("about").GetProperty("what").GetString().Should().NotBeNullOrWhiteSpace();
        var events = root.GetProperty("events").EnumerateArray().ToList();
        events.Count.Should().BeGreaterThanOrEqualTo((int)stored, "every stored event of the customer is in the file");
        var views = events.Where(e => e.GetProperty("type").GetString() == "View")
            .Select(e => (Id: e.GetProperty("productId").GetInt32(), Name: e.GetProperty("productName").GetString())).ToHashSet();
        views.Should().Contain(viewed, "the file names the products the shopper viewed");
        root.GetProperty("profiles").EnumerateArray().Should().Contain(profile => profile.GetProperty("storeId").GetInt32() == _state.StoreId,
            "training computed the shopper's profile in this store");
    }

    /// <summary>
    /// nopCommerce's own GDPR delete (Customer edit → GDPR → Delete) of a sample-data customer with purchase history,
    /// profile and predictions: afterwards no plugin row references them, while the registered shopper's rows stay.
    /// GDPR is switched on for the delete and off again.
    /// </summary>
    [Test, Order(971)]
    public async Task P2_A_GDPR_delete_in_nopCommerce_erases_the_customer_from_every_plugin_table()
    {
        var victim = await _database.ScalarAsync<int?>("""
            SELECT e."CustomerId" FROM "Personalization_Event" e JOIN "Customer" c ON c."Id" = e."CustomerId"
            WHERE c."Email" IS NOT NULL AND c."Email" <> '' AND c."Email" <> @admin AND c."Id" <> @registered AND NOT c."Deleted"
              AND EXISTS (SELECT 1 FROM "Personalization_Profile" p WHERE p."CustomerId" = c."Id")
            GROUP BY e."CustomerId" ORDER BY COUNT(*) DESC, e."CustomerId" LIMIT 1
            """, ("admin", _environment.AdminEmail), ("registered", _state.Registered.CustomerId));
        victim.Should().NotBeNull("the backfill gave the sample customers purchase events and training their profiles");
        var customerId = victim.Value;
        var others = await _database.CountAsync("SELECT COUNT(*) FROM \"Personalization_Event\" WHERE \"CustomerId\" = @c", ("c", _state.Registered.CustomerId));
        others.Should().BePositive();

        var gdprWasEnabled = CustomerDataPages.SetGdprEnabled(Admin, true);
        try
        {
            var notification = CustomerDataPages.GdprDelete(Admin, customerId);
            notification.Should().Contain("deleted", "nopCommerce confirms the GDPR delete");
        }
        finally
        {
            if (!gdprWasEnabled)
                CustomerDataPages.SetGdprEnabled(Admin, false);
        }

        (await _database.ScalarAsync<bool>("SELECT \"Deleted\" FROM \"Customer\" WHERE \"Id\" = @c", ("c", customerId)))
            .Should().BeTrue("nopCommerce keeps the customer row, marked deleted");
        foreach (var table in _customerKeyedTables)
            (await _database.CountAsync($"SELECT COUNT(*) FROM \"{table}\" WHERE \"CustomerId\" = @c", ("c", customerId)))
                .Should().Be(0, "the erased customer has no row left in {0}", table);
        (await _database.CountAsync("""SELECT COUNT(*) FROM "GenericAttribute" WHERE "KeyGroup" = 'Customer' AND "EntityId" = @c AND "Key" LIKE 'Personalization.%'""", ("c", customerId)))
            .Should().Be(0, "the plugin's customer attributes are gone");
        (await _database.CountAsync("SELECT COUNT(*) FROM \"Personalization_Erasure\" WHERE \"CustomerId\" = @c", ("c", customerId)))
            .Should().BePositive("the erasure log tells the other nodes to forget the customer");
        (await _database.CountAsync("SELECT COUNT(*) FROM \"Personalization_Event\" WHERE \"CustomerId\" = @c", ("c", _state.Registered.CustomerId)))
            .Should().Be(others, "other customers' rows stay");
    }
}
