namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    [Test, Order(200)]
    public async Task B1_The_configuration_page_opens_from_the_plugin_list()
    {
        _state.ConfigurationUrl = Admin.ConfigureUrlOf(FRIENDLY_NAME);
        _state.ConfigurationUrl.Should().Contain("/Admin/Personalization/Configure", "the Configure button leads to the plugin's own page");

        var page = Configuration().Open();
        page.Value("HoldoutPercent").Should().Be(await SettingAsync("holdoutpercent"), "the form shows the stored holdout share");
        _state.HoldoutPercentDefault = int.Parse(page.Value("HoldoutPercent"));
    }

    [Test, Order(210)]
    public async Task B2_A_holdout_share_out_of_range_is_refused_with_a_message()
    {
        var page = Configuration().Open();
        page.SetValue("HoldoutPercent", "51");
        var messages = page.Save();

        messages.Should().Contain(message => message.Contains("between 0 and 50", StringComparison.Ordinal),
            "the validator refuses a holdout share above 50 %");
        (await SettingAsync("holdoutpercent")).Should().Be(_state.HoldoutPercentDefault.ToString(), "a refused save changes nothing");
    }

    [Test, Order(220)]
    public async Task B3_A_good_save_sticks()
    {
        var page = Configuration().Open();
        var halfLife = page.Value("DecayHalfLifeDays") == "45" ? "46" : "45";
        page.SetValue("DecayHalfLifeDays", halfLife);
        page.Save().Should().BeEmpty("a half-life of {0} days is within range", halfLife);

        (await SettingAsync("decayhalflifedays")).Should().Be(halfLife, "the saved value is stored");
        Configuration().Open().Value("DecayHalfLifeDays").Should().Be(halfLife, "the page shows the saved value after a reload");
    }
}
