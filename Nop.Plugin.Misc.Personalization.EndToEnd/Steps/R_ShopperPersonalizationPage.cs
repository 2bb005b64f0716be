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
}
