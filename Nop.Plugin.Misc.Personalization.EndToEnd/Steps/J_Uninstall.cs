using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    [Test, Order(1000)]
    public async Task J1_Uninstall_removes_every_table_setting_task_and_text_and_the_shop_still_runs()
    {
        _state.LogBeforeUninstall = _log.Mark();
        _state.DatabaseLogIdBeforeUninstall = await PluginLogRows.LastIdAsync(_database);

        Admin.LogInAgain();
        var notification = Admin.ClickInPluginRow("uninstall-plugin-link-", SYSTEM_NAME);
        Admin.ApplyChangesAndRestart(_shop);

        (await PluginFootprint.ReadAsync(_database)).ShouldBeGone();
        (await _shop.StatusOfAsync("/")).Should().Be(System.Net.HttpStatusCode.OK, "the shop runs without the plugin");
        using (var shopper = NewShopper("AfterUninstall"))
            shopper.ViewProduct(_state.Products[0]);

        Admin.LogInAgain();
        Admin.OpenPluginList();
        Admin.HasPluginRowButton("install-plugin-link-", SYSTEM_NAME).Should()
            .BeTrue($"the plugin is listed as not installed after uninstalling (notification was: {notification})");
    }

    [Test, Order(1010), Category(StepGate.LOG_CHECK)]
    public async Task J2_The_shop_logs_no_plugin_error_while_uninstalling() =>
        await AssertNoPluginErrorsAsync(_state.LogBeforeUninstall, _state.DatabaseLogIdBeforeUninstall, "while uninstalling and after");

    [Test, Order(1020)]
    public async Task J3_Installing_again_works()
    {
        Admin.ClickInPluginRow("install-plugin-link-", SYSTEM_NAME);
        Admin.ApplyChangesAndRestart(_shop);
        Admin.LogInAgain();
        Admin.OpenPluginList();
        Admin.HasPluginRowButton("uninstall-plugin-link-", SYSTEM_NAME).Should().BeTrue("the plugin installs again after an uninstall");

        var footprint = await PluginFootprint.ReadAsync(_database);
        footprint.Tables.Should().BeEquivalentTo(_pluginTables, "the migration runs again");
        footprint.ShouldBeInstalled();
        (await _database.CountAsync("SELECT COUNT(*) FROM \"Personalization_Event\"")).Should().Be(0, "a new installation starts without events");
        (await _shop.StatusOfAsync("/")).Should().Be(System.Net.HttpStatusCode.OK);
    }
}
