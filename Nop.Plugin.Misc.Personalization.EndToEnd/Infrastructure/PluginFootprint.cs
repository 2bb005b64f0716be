namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

/// <summary>
/// What the plugin leaves in nopCommerce's own tables: settings, scheduled tasks, locale resources, translated placement
/// titles, the widget activation.
/// </summary>
public sealed record PluginFootprint(
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<string> ScheduleTasks,
    long LocaleResources,
    string ActiveWidgets,
    IReadOnlyList<string> Tables,
    long TranslatedTitles)
{
    public const string PLACEMENT_LOCALE_KEY_GROUP = "PersonalizationPlacement";

    public const string SETTING_PREFIX = "personalizationsettings.";
    public const string TASK_TYPE_PREFIX = "Nop.Plugin.Misc.Personalization.";
    public const string RESOURCE_PREFIX = "Plugins.Misc.Personalization.";

    public static async Task<PluginFootprint> ReadAsync(ShopDatabase database)
    {
        var settings = await database.ListAsync("SELECT \"Name\", \"Value\" FROM \"Setting\" WHERE LOWER(\"Name\") LIKE @p ORDER BY \"Name\"",
            reader => (Name: reader.GetString(0).ToLowerInvariant(), Value: reader.GetString(1)), ("p", SETTING_PREFIX + "%"));
        var tasks = await database.ListAsync("SELECT \"Type\" FROM \"ScheduleTask\" WHERE \"Type\" LIKE @p ORDER BY \"Type\"",
            reader => reader.GetString(0), ("p", TASK_TYPE_PREFIX + "%"));
        var resources = await database.CountAsync("SELECT COUNT(*) FROM \"LocaleStringResource\" WHERE LOWER(\"ResourceName\") LIKE LOWER(@p)",
            ("p", RESOURCE_PREFIX + "%"));
        var widgets = await database.ScalarAsync<string>("SELECT \"Value\" FROM \"Setting\" WHERE LOWER(\"Name\") = 'widgetsettings.activewidgetsystemnames' ORDER BY \"StoreId\" LIMIT 1");
        var tables = await database.TablesLikeAsync("Personalization_%");
        var titles = await database.CountAsync("SELECT COUNT(*) FROM \"LocalizedProperty\" WHERE \"LocaleKeyGroup\" = @g", ("g", PLACEMENT_LOCALE_KEY_GROUP));

        return new PluginFootprint(settings.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().Value), tasks, resources, widgets ?? string.Empty,
            tables, titles);
    }

    public void ShouldBeInstalled()
    {
        Settings.Should().ContainKey(SETTING_PREFIX + "enabled").WhoseValue.Should().BeEquivalentTo("True", "the install saves the plugin's settings, enabled");
        Settings.Should().ContainKey(SETTING_PREFIX + "holdoutpercent");
        Settings.Should().ContainKey(SETTING_PREFIX + "trackingkey").WhoseValue.Should().NotBeNullOrWhiteSpace("the install generates a tracking key");
        ScheduleTasks.Should().Contain(
            [TASK_TYPE_PREFIX + "Tasks.ModelTrainingTask", TASK_TYPE_PREFIX + "Tasks.OrderBackfillTask", TASK_TYPE_PREFIX + "Tasks.EventCleanupTask"],
            "the install adds the plugin's scheduled tasks");
        LocaleResources.Should().BeGreaterThan(50, "the install adds the plugin's locale resources");
        ActiveWidgets.Split(',', StringSplitOptions.TrimEntries).Should().Contain("Misc.Personalization", "the install activates the plugin's widget");
    }

    public void ShouldBeGone()
    {
        Tables.Should().BeEmpty("uninstalling drops every table of the plugin");
        Settings.Should().BeEmpty("uninstalling deletes the plugin's settings");
        ScheduleTasks.Should().BeEmpty("uninstalling deletes the plugin's scheduled tasks");
        LocaleResources.Should().Be(0, "uninstalling deletes the plugin's locale resources");
        TranslatedTitles.Should().Be(0, "uninstalling deletes the placements' translated titles from nopCommerce's localized properties");
        ActiveWidgets.Split(',', StringSplitOptions.TrimEntries).Should().NotContain("Misc.Personalization", "uninstalling deactivates the widget");
    }
}
