using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    private static readonly TimeSpan _insightsTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Training (step F3) also ran the customer insights refresh: every customer who had bought by then has a profile,
    /// and the segments card shows the built-in segments with their sizes per store as counted in the profiles.
    /// </summary>
    [Test, Order(920)]
    public async Task K1_After_training_the_segments_card_shows_sizes_that_match_the_stored_profiles()
    {
        var registered = _state.Registered.CustomerId;
        await Poll.UntilAsync(() => ShopProfiles.OfCustomerAsync(_database, registered, _state.StoreId), profile => profile != null, _insightsTimeout,
            $"a stored profile of the registered shopper {registered} (bought in step E)");

        var buyersWithoutProfile = await _database.ListAsync("""
            SELECT DISTINCT e."CustomerId", e."StoreId" FROM "Personalization_Event" e
            WHERE e."EventType" = 6 AND e."CreatedOnUtc" < (SELECT MIN("LastComputedOnUtc") FROM "Personalization_Profile")
              AND NOT EXISTS (SELECT 1 FROM "Personalization_Profile" p WHERE p."CustomerId" = e."CustomerId" AND p."StoreId" = e."StoreId")
            ORDER BY 1
            """, reader => $"customer {reader.GetInt32(0)} store {reader.GetInt32(1)}");
        buyersWithoutProfile.Should().BeEmpty("the refresh stores a profile for every customer who had bought before it ran");

        var segments = await ShopProfiles.SegmentsAsync(_database);
        var enabled = segments.Where(segment => segment.Enabled).ToList();
        enabled.Should().NotBeEmpty("a fresh installation comes with built-in segments");
        var storeNames = (await _database.ListAsync("SELECT \"Id\", \"Name\" FROM \"Store\"", reader => (Id: reader.GetInt32(0), Name: reader.GetString(1))))
            .ToDictionary(store => store.Id, store => store.Name);

        var page = Configuration().Open();
        var rows = Poll.Until(() =>
            {
                page.Open();
                return SegmentsCard.Rows(Admin.Browser);
            }, shown => enabled.All(segment => shown.Any(row => row.Name == segment.Name && row.SizePerStore.Count > 0)), _insightsTimeout,
            "every enabled segment with its size on the segments card", TimeSpan.FromSeconds(3));
        rows.Select(row => row.Name).Should().BeEquivalentTo(segments.Select(segment => segment.Name), "the card lists every stored segment");

        foreach (var segment in enabled)
        {
            var expected = (await ShopProfiles.MembersPerStoreAsync(_database, segment.Id))
                .ToDictionary(pair => storeNames[pair.Key], pair => pair.Value);
            var shown = rows.Single(row => row.Name == segment.Name);
            foreach (var (store, members) in shown.SizePerStore)
                members.Should().Be(expected.GetValueOrDefault(store), "segment '{0}' in store '{1}' has as many members as profiles holding its id {2} ({3})",
                    segment.Name, store, segment.Id, shown);
            expected.Keys.Should().BeSubsetOf(shown.SizePerStore.Keys, "every store with members of '{0}' has a size on the card ({1})", segment.Name, shown);
        }

        rows.SelectMany(row => row.SizePerStore.Values).Should().Contain(members => members > 0,
            "the shop's buyers fall into at least one built-in segment: {0}", string.Join("; ", rows));
    }
}
