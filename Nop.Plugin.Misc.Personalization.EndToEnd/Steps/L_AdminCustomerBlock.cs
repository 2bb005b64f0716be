using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    /// <summary>
    /// The label the block gives impression rows (Plugins.Misc.Personalization.Customer.Event.RecommendationImpression),
    /// which versions before 0.7.0 stored per render: they are never listed.
    /// </summary>
    private const string IMPRESSION_LABEL = "Was shown recommendations";

    private const int IMPRESSIONS_ADDED = 25;

    /// <summary>
    /// Admin → Customers → the registered shopper: the plugin's block shows their profile with their segments and their
    /// recent activity by product name. The shopper also has many impression rows (written here as a shop upgraded from a
    /// version that stored them per render would have); those do not crowd out the activity.
    /// </summary>
    [Test, Order(930)]
    public async Task L1_The_admin_customer_page_shows_the_shoppers_segments_and_recent_activity_without_impression_rows()
    {
        var customerId = _state.Registered.CustomerId;
        var profile = await ShopProfiles.OfCustomerAsync(_database, customerId, _state.StoreId);
        profile.Should().NotBeNull("step K found the registered shopper's profile");
        var segmentNames = (await ShopProfiles.SegmentsAsync(_database)).Where(segment => profile.SegmentIds.Contains(segment.Id))
            .Select(segment => segment.Name).ToList();
        segmentNames.Should().NotBeEmpty("a customer who bought is in at least one built-in segment (profile segments: {0})", string.Join(",", profile.SegmentIds));

        var placementId = await _database.ScalarAsync<int>("SELECT MIN(\"Id\") FROM \"Personalization_Placement\" WHERE \"Strategy\" = 'ForYou'");
        await _database.ExecuteAsync("""
            INSERT INTO "Personalization_Event" ("StoreId", "CustomerId", "EventType", "ProductId", "Quantity", "Value", "OrderId", "Placement", "Query", "CreatedOnUtc")
            SELECT @s, @c, 7, 0, 4, 0, 0, @p, NULL, (NOW() AT TIME ZONE 'UTC') - make_interval(secs => g) FROM generate_series(1, @n) g
            """, ("s", _state.StoreId), ("c", customerId), ("p", placementId.ToString()), ("n", IMPRESSIONS_ADDED));

        //the newest product the shopper looked at or bought, by name
        var newest = await _database.ListAsync("""
            SELECT p."Name" FROM "Personalization_Event" e JOIN "Product" p ON p."Id" = e."ProductId"
            WHERE e."CustomerId" = @c AND e."EventType" IN (1, 6) ORDER BY e."CreatedOnUtc" DESC, e."Id" DESC LIMIT 1
            """, reader => reader.GetString(0), ("c", customerId));
        newest.Should().ContainSingle("the registered shopper viewed and bought products in steps D and E");

        var block = CustomerInsightsBlock.Open(Admin, customerId);
        block.Profile.Should().ContainKey("Segments", "the block shows the profile: {0}", block.Text);
        foreach (var name in segmentNames)
            block.Profile["Segments"].Should().Contain(name, "the profile row lists the shopper's segments");

        block.Events.Should().NotBeEmpty("the block lists recent activity: {0}", block.Text);
        block.Events.Should().Contain(cells => cells.Contains(newest[0]), "the newest product the shopper viewed or bought is in the activity, by name");
        block.Events.Should().NotContain(cells => cells.Contains(IMPRESSION_LABEL),
            "impressions are not listed where they would push the shopper's own activity out");

        //the shopper bought priced products, so their profile has a price band, shown as a range in the shop's currency
        var affinities = await _database.ScalarAsync<string>("SELECT \"Affinities\" FROM \"Personalization_Profile\" WHERE \"CustomerId\" = @c AND \"StoreId\" = @s",
            ("c", customerId), ("s", _state.StoreId));
        affinities.Should().MatchRegex("(^|;)p[0-9]+:", "a customer who bought has a price-band interest");
        block.Profile["Interests"].Should().MatchRegex(@"Price: (up to \$[0-9,.]+|\$[0-9,.]+–\$[0-9,.]+|over \$[0-9,.]+) \(",
            "a price band reads as a price range, not as a band number: {0}", block.Profile["Interests"]);
    }
}
