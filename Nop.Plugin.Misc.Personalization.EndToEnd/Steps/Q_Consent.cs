using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

/// <summary>
/// The owner switches to the strictest consent mode: after confirming a count, nothing recorded identifies a customer,
/// new visitors are recorded anonymously, and the anonymous events still train trending placements.
/// </summary>
public partial class PersonalizationInShopTests
{
    private const string IDENTIFIED_EVENTS = "SELECT COUNT(*) FROM \"Personalization_Event\" WHERE \"CustomerId\" <> 0";

    [Test, Order(986)]
    public async Task Q1_Switching_to_nobody_asks_to_confirm_with_a_count_then_leaves_no_event_with_a_customer()
    {
        //events of the earlier steps may still be on their way from the writer: count once the number stands still
        var identified = await _database.CountAsync(IDENTIFIED_EVENTS);
        for (var look = 0; look < 10; look++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var again = await _database.CountAsync(IDENTIFIED_EVENTS);
            if (again == identified)
                break;
            identified = again;
        }
        identified.Should().BePositive("the earlier steps recorded identified shoppers");

        var page = Configuration().Open();
        var consent = new ConsentForm(Admin, page);
        consent.Mode.Should().Be(ConsentForm.EVERYONE, "a shop without GDPR starts with everyone identified");
        consent.Choose(ConsentForm.NOBODY);
        var confirmation = consent.SaveExpectingConfirmation();

        ConsentForm.EventsIn(confirmation).Should().Be((int)identified, "the confirmation counts the identified events: {0}", confirmation);
        (await SettingAsync("consent")).Should().Be("Everyone", "nothing changes before the owner confirms");
        (await _database.CountAsync(IDENTIFIED_EVENTS)).Should().Be(identified, "nothing is removed before the owner confirms");

        var notification = consent.Confirm();
        notification.Should().Contain($"{identified} events made anonymous", "the save reports what it removed");
        (await SettingAsync("consent")).Should().Be("Nobody", "the confirmed mode is stored");
        (await _database.CountAsync(IDENTIFIED_EVENTS)).Should().Be(0, "no event carries a customer any more");
        (await _database.CountAsync("SELECT COUNT(*) FROM \"Personalization_Profile\"")).Should().Be(0, "profiles identify customers");
        (await _database.CountAsync("SELECT COUNT(*) FROM \"Personalization_Prediction\"")).Should().Be(0, "predictions identify customers");
    }

    [Test, Order(987)]
    public async Task Q2_A_guest_is_recorded_without_a_customer()
    {
        using var guest = await NewTreatedShopperAsync("AnonymousGuest");
        var product = _state.Products[3];
        var since = await _database.ScalarAsync<long>("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Personalization_Event\"");
        guest.ViewProduct(product);
        var customerId = await guest.CustomerIdAsync();

        var rows = await Poll.UntilAsync(() => ShopEvents.WhereAsync(_database, "\"Id\" > @since AND \"ProductId\" = @p AND \"EventType\" = @t",
                ("since", since), ("p", product.Id), ("t", (int)EventType.View)),
            found => found.Count > 0, ShopEvents.WriteTimeout, $"the guest's view of product {product.Id}");

        rows.Should().OnlyContain(row => row.CustomerId == 0, "in mode Nobody the view is stored anonymously");
        (await ShopEvents.OfCustomerAsync(_database, customerId)).Should().BeEmpty("nothing is stored under the guest's id");
    }

    [Test, Order(988)]
    public async Task Q3_Anonymous_events_still_train_a_trending_placement_for_a_guest()
    {
        var notification = Configuration().Open().Train();
        notification.Should().MatchRegex("Models trained from [1-9][0-9]* interactions", "the anonymous events are interactions to train on");

        using var guest = await NewTreatedShopperAsync("AnonymousTrending");
        var block = WaitForBlock(guest, "TrendingInCategory", () => guest.ViewCategory(_state.Products[0]),
            $"the category page {_state.Products[0].CategorySlug}");
        AssertRenderedThroughProductBoxes(block);
    }

    [Test, Order(989)]
    public async Task Q4_Switching_back_to_everyone_saves_without_asking()
    {
        var page = Configuration().Open();
        var consent = new ConsentForm(Admin, page);
        consent.Mode.Should().Be(ConsentForm.NOBODY, "the page shows the stored mode");
        consent.Choose(ConsentForm.EVERYONE);
        page.Save().Should().BeEmpty("a looser mode removes nothing and needs no confirmation");

        (await SettingAsync("consent")).Should().Be("Everyone", "later steps run with everyone identified again");
    }
}
