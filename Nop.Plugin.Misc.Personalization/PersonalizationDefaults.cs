namespace Nop.Plugin.Misc.Personalization;

/// <summary>
/// Names the plugin shares with nopCommerce: system name, routes, resources, scheduled tasks.
/// </summary>
public static class PersonalizationDefaults
{
    public static string SystemName => "Misc.Personalization";

    public static string ConfigurationRouteName => "Plugin.Misc.Personalization.Configure";

    /// <summary>
    /// Every locale resource of the plugin starts with this, so uninstall can delete them by prefix.
    /// </summary>
    public static string ResourcePrefix => "Plugins.Misc.Personalization.";

    /// <summary>
    /// The embedded resource holding the English locale strings installed with the plugin.
    /// </summary>
    public static string LocaleResourceFile => "Nop.Plugin.Misc.Personalization.Localization.en-US.xml";

    public static string ViewsPath => "~/Plugins/Misc.Personalization/Views/";

    /// <summary>
    /// Customer generic attribute (store 0, bool): the shopper switched personalisation off; they are never identified.
    /// </summary>
    public static string OptedOutAttribute => "Personalization.OptedOut";

    public static class CleanupTask
    {
        public static string Name => "Personalization: delete events past retention";

        public static string Type => "Nop.Plugin.Misc.Personalization.Tasks.EventCleanupTask";

        public static int PeriodSeconds => 24 * 60 * 60;
    }

    public static class TrainingTask
    {
        public static string Name => "Personalization: train recommendation models";

        public static string Type => "Nop.Plugin.Misc.Personalization.Tasks.ModelTrainingTask";

        public static int PeriodSeconds => 60 * 60;
    }

    public static class BackfillTask
    {
        public static string Name => "Personalization: backfill purchases from orders";

        public static string Type => "Nop.Plugin.Misc.Personalization.Tasks.OrderBackfillTask";

        public static int PeriodSeconds => 5 * 60;
    }

    public static class ReplenishmentEmailTask
    {
        public static string Name => "Personalization: e-mail replenishment reminders";

        public static string Type => "Nop.Plugin.Misc.Personalization.Tasks.ReplenishmentEmailTask";

        public static int PeriodSeconds => 60 * 60;
    }

    public static IReadOnlyList<(string Name, string Type, int Seconds)> ScheduleTasks { get; } =
    [
        (CleanupTask.Name, CleanupTask.Type, CleanupTask.PeriodSeconds),
        (TrainingTask.Name, TrainingTask.Type, TrainingTask.PeriodSeconds),
        (BackfillTask.Name, BackfillTask.Type, BackfillTask.PeriodSeconds),
        (ReplenishmentEmailTask.Name, ReplenishmentEmailTask.Type, ReplenishmentEmailTask.PeriodSeconds)
    ];
}
