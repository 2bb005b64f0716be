using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    /// <summary>
    /// The tables of the plugin's migrations (Data/PersonalizationTables.cs).
    /// </summary>
    private static readonly string[] _pluginTables =
    [
        "Personalization_Event", "Personalization_ModelSnapshot", "Personalization_Placement",
        "Personalization_Prediction", "Personalization_Profile", "Personalization_RoleMapping", "Personalization_Segment", "Personalization_Erasure",
        "Personalization_Lock", "Personalization_ImpressionCount", "Personalization_CartReminder", "Personalization_EmailSend"
    ];

    [Test, Order(100)]
    public async Task A1_Owner_uploads_the_zip_and_the_shop_lists_the_plugin()
    {
        var mark = _log.Mark();
        var notification = Admin.UploadPlugin(_environment.PluginZipPath);
        notification.Should().NotContain("rror", "the upload must not be refused");

        //an uploaded plugin waits in Plugins/Uploaded until the next start
        await _shop.RestartAsync();
        Admin.LogInAgain();
        Admin.OpenPluginList();
        Admin.HasPluginRowButton("install-plugin-link-", SYSTEM_NAME).Should()
            .BeTrue($"after the upload and a restart the list offers to install {SYSTEM_NAME} (notification was: {notification})");
        _log.PluginErrorsSince(mark).Should().BeEmpty("loading the uploaded plugin must log no error");
    }

    [Test, Order(110)]
    public async Task A2_Owner_installs_it_and_its_tables_settings_tasks_and_texts_exist()
    {
        _state.LogBeforeInstall = _log.Mark();
        _state.DatabaseLogIdBeforeInstall = await PluginLogRows.LastIdAsync(_database);

        var notification = Admin.ClickInPluginRow("install-plugin-link-", SYSTEM_NAME);
        Admin.ApplyChangesAndRestart(_shop);
        Admin.LogInAgain();
        Admin.OpenPluginList();
        Admin.HasPluginRowButton("uninstall-plugin-link-", SYSTEM_NAME).Should()
            .BeTrue($"after Install and a restart the plugin shows as installed (notification was: {notification})");

        (await _database.TablesLikeAsync("Personalization_%")).Should().BeEquivalentTo(_pluginTables, "the migration creates the plugin's tables");
        (await PluginFootprint.ReadAsync(_database)).ShouldBeInstalled();
        (await _database.CountAsync("SELECT COUNT(*) FROM \"Personalization_Placement\"")).Should()
            .BeGreaterThanOrEqualTo(6, "the install adds the default placements");
    }

    [Test, Order(120), Category(StepGate.LOG_CHECK)]
    public async Task A3_The_shop_logs_no_plugin_error_while_installing_and_starting()
    {
        //the next log check (step I2) starts where this one ends
        _state.LogAfterInstall = _log.Mark();
        _state.DatabaseLogIdAfterInstall = await PluginLogRows.LastIdAsync(_database);
        await AssertNoPluginErrorsAsync(_state.LogBeforeInstall, _state.DatabaseLogIdBeforeInstall, "while installing and starting");
    }
}
