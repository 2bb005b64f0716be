using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    /// <summary>
    /// A home-page zone that renders before the default "Picked for you" placement, so the targeted placement gets its
    /// pick of the products first (a page shows a product in one placement only).
    /// </summary>
    private const string TARGETED_ZONE = "home_page_top";

    /// <summary>
    /// The owner adds a home-page placement for one segment the registered shopper is in: logged in, the shopper sees it
    /// (once the shop has picked up the new placement and the segment members after training); a new guest, who is in no
    /// segment, sees the home page's other placement but not this one. The holdout is off meanwhile so that neither
    /// visitor is held out by chance. The placement stays (later steps do not look at the home page).
    /// </summary>
    [Test, Order(940)]
    public async Task M1_A_placement_targeted_at_a_segment_shows_for_its_member_and_not_for_a_guest()
    {
        var customerId = _state.Registered.CustomerId;
        var profile = await ShopProfiles.OfCustomerAsync(_database, customerId, _state.StoreId);
        profile.Should().NotBeNull("step K found the registered shopper's profile");
        var segment = (await ShopProfiles.SegmentsAsync(_database)).FirstOrDefault(s => s.Enabled && profile.SegmentIds.Contains(s.Id));
        segment.Should().NotBeNull("the registered shopper is in an enabled segment (profile segments: {0})", string.Join(",", profile.SegmentIds));

        var title = $"For {segment.Name} {Guid.NewGuid():N}"[..40];
        var page = Configuration().Open();
        var shown = NewPlacementForm.Add(Admin.Browser, "ForYou", TARGETED_ZONE, title, 4, segment.Id);
        var placementId = await Poll.UntilAsync(
            () => _database.ScalarAsync<int>("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Personalization_Placement\" WHERE \"Title\" = @t AND \"SegmentId\" = @s",
                ("t", title), ("s", segment.Id)),
            id => id > 0, TimeSpan.FromSeconds(10), $"the stored placement '{title}' for segment {segment.Id} (page said: {shown})");

        page.Open();
        page.SetValue("HoldoutPercent", "0");
        page.Save().Should().BeEmpty();
        try
        {
            using var member = NewShopper("SegmentMember");
            member.LogIn(_state.Registered.Email, _state.Registered.Password);
            IReadOnlyList<PlacementBlock> seen = [];
            try
            {
                Poll.Until(() =>
                {
                    member.OpenHome();
                    seen = PlacementBlock.On(member.Browser);
                    return seen;
                }, blocks => blocks.Any(block => block.PlacementId == placementId), _insightsTimeout,
                    $"placement {placementId} for segment '{segment.Name}' on the home page of its member {customerId}", TimeSpan.FromSeconds(3));
            }
            catch (TimeoutException timeout)
            {
                throw new AssertionException($"{timeout.Message}; placements seen there: [{string.Join("; ", seen)}]");
            }

            using var guest = NewShopper("SegmentOutsider");
            //the guest's home page renders placements (the default one), just not the targeted one
            WaitForBlock(guest, "ForYou", guest.OpenHome, "a new guest's home page");
            PlacementBlock.On(guest.Browser).Select(block => block.PlacementId).Should()
                .NotContain(placementId, "a guest is in no segment, so the placement for '{0}' is not theirs", segment.Name);
        }
        finally
        {
            page.Open();
            page.SetValue("HoldoutPercent", _state.HoldoutPercentDefault.ToString());
            page.Save();
        }
    }
}
