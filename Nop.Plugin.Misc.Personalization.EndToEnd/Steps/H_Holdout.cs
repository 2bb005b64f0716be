using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    /// <summary>
    /// The largest holdout share the configuration accepts (Services/SettingsLimits.cs); 100 % is refused (step B2).
    /// </summary>
    private const int MAX_HOLDOUT_PERCENT = 50;

    /// <summary>
    /// At the largest share, a visitor the holdout picks sees no personalised widget while one it does not pick still
    /// does; back at the default share the setting is as before.
    /// </summary>
    [Test, Order(800)]
    public async Task H1_A_held_out_shopper_sees_no_widget_and_the_share_goes_back_to_the_default()
    {
        var page = Configuration().Open();
        page.SetValue("HoldoutPercent", MAX_HOLDOUT_PERCENT.ToString());
        page.Save().Should().BeEmpty();
        (await SettingAsync("holdoutpercent")).Should().Be(MAX_HOLDOUT_PERCENT.ToString());

        try
        {
            using var heldOut = NewShopperWhere("HeldOut", guid => Engine.Measurement.HoldoutAssignment.IsHeldOut(guid, MAX_HOLDOUT_PERCENT));
            using var treated = NewShopperWhere("Treated", guid => !Engine.Measurement.HoldoutAssignment.IsHeldOut(guid, MAX_HOLDOUT_PERCENT));

            //the treated visitor proves the placement renders on this page right now
            WaitForBlock(treated, "ForYou", treated.OpenHome, "the home page of a visitor outside the holdout");

            heldOut.OpenHome();
            PlacementBlock.On(heldOut.Browser).Should().BeEmpty("a visitor in the holdout sees no personalised widget");
            heldOut.ViewProduct(_state.Products[0]);
            PlacementBlock.On(heldOut.Browser).Should().BeEmpty("nor on a product page");
        }
        finally
        {
            page.Open();
            page.SetValue("HoldoutPercent", _state.HoldoutPercentDefault.ToString());
            page.Save();
        }

        (await SettingAsync("holdoutpercent")).Should().Be(_state.HoldoutPercentDefault.ToString(), "the share is back at the default");
    }
}
