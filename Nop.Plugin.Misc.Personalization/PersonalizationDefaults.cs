namespace Nop.Plugin.Misc.Personalization;

/// <summary>
/// Names the plugin shares with nopCommerce: system name, routes, resources, scheduled tasks.
/// </summary>
public static class PersonalizationDefaults
{
    public static string SystemName => "Misc.Personalization";

    /// <summary>
    /// Pixels a placement loaded after the page keeps free when its own height is not set: about one row of the
    /// default theme's product boxes with the block's title.
    /// </summary>
    public static int AfterPageReservedHeight => 420;

    public static int MaxReservedHeight => 2000;

    public static string AfterPageRouteName => "Plugin.Misc.Personalization.AfterPage";

    /// <summary>
    /// Route pattern (after the language prefix) of the one request that brings a page's placements loaded after it.
    /// </summary>
    public static string AfterPageRoutePattern => "personalization/placements";

    /// <summary>
    /// Placements one after-page request may ask for.
    /// </summary>
    public static int MaxAfterPageSlots => 8;

    public static string ConfigurationRouteName => "Plugin.Misc.Personalization.Configure";

    /// <summary>
    /// Every locale resource of the plugin starts with this, so uninstall can delete them by prefix.
    /// </summary>
    public static string ResourcePrefix => "Plugins.Misc.Personalization.";

    /// <summary>
    /// The embedded resource holding the English locale strings installed with the plugin.
    /// </summary>
    public static string LocaleResourceFile => "Nop.Plugin.Misc.Personalization.Localization.en-US.xml";

    /// <summary>
    /// The shopper's "Your personalisation" page in their account.
    /// </summary>
    public static string AccountRouteName => "Plugin.Misc.Personalization.Account";

    public static string AccountDownloadRouteName => "Plugin.Misc.Personalization.Account.Download";

    public static string AccountEraseRouteName => "Plugin.Misc.Personalization.Account.Erase";

    public static string AccountSwitchRouteName => "Plugin.Misc.Personalization.Account.Switch";

    /// <summary>
    /// Tells the account navigation that the page shown is the plugin's (nopCommerce's own tabs are below 100).
    /// </summary>
    public static int AccountNavigationTab => 1_000;

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

    /// <summary>
    /// Customer generic attribute (per store): when the customer asked for no more replenishment reminders.
    /// </summary>
    public static string RemindersStoppedAttribute => "Personalization.RemindersStoppedOnUtc";

    /// <summary>
    /// The activity-log type of the role sync's runs, installed with the plugin.
    /// </summary>
    public static string RoleSyncActivityKeyword => "Personalization.RoleSync";

    public static string RoleSyncActivityName => "Personalization: segment role sync";

    public static class ReplenishmentEmailTask
    {
        public static string Name => "Personalization: e-mail replenishment reminders";

        public static string Type => "Nop.Plugin.Misc.Personalization.Tasks.ReplenishmentEmailTask";

        public static int PeriodSeconds => 60 * 60;
    }

    public static class AbandonedCartEmailTask
    {
        public static string Name => "Personalization: e-mail abandoned carts";

        public static string Type => "Nop.Plugin.Misc.Personalization.Tasks.AbandonedCartEmailTask";

        public static int PeriodSeconds => 10 * 60;
    }

    public static IReadOnlyList<(string Name, string Type, int Seconds)> ScheduleTasks { get; } =
    [
        (CleanupTask.Name, CleanupTask.Type, CleanupTask.PeriodSeconds),
        (TrainingTask.Name, TrainingTask.Type, TrainingTask.PeriodSeconds),
        (BackfillTask.Name, BackfillTask.Type, BackfillTask.PeriodSeconds),
        (ReplenishmentEmailTask.Name, ReplenishmentEmailTask.Type, ReplenishmentEmailTask.PeriodSeconds),
        (AbandonedCartEmailTask.Name, AbandonedCartEmailTask.Type, AbandonedCartEmailTask.PeriodSeconds)
    ];
}
