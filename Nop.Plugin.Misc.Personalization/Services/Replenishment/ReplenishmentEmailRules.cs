namespace Nop.Plugin.Misc.Personalization.Services.Replenishment;

/// <summary>
/// Which predictions a reminder may carry: due between <see cref="DaysBefore"/> days ago and <see cref="DaysAhead"/>
/// days ahead, at most <see cref="MaxProducts"/> of them, and at most one reminder per customer per
/// <see cref="MinDaysBetween"/> days.
/// </summary>
public sealed record ReplenishmentEmailRules(int MinDaysBetween, int MaxProducts, int DaysBefore = 2, int DaysAhead = 3)
{
    public DateTime WindowStart(DateTime nowUtc) => nowUtc.AddDays(-DaysBefore);

    public DateTime WindowEnd(DateTime nowUtc) => nowUtc.AddDays(DaysAhead);

    public DateTime LastReminderCutoff(DateTime nowUtc) => nowUtc.AddDays(-MinDaysBetween);

    /// <summary>
    /// Settings saved by a version without these fields read as 0, which falls back to the defaults.
    /// </summary>
    public static ReplenishmentEmailRules From(PersonalizationSettings settings) => new(
        MinDaysBetweenOrDefault(settings.ReplenishmentEmailMinDaysBetween), MaxProductsOrDefault(settings.ReplenishmentEmailMaxProducts));

    public static int MinDaysBetweenOrDefault(int setting) => setting <= 0
        ? PersonalizationSettings.DEFAULT_REPLENISHMENT_EMAIL_MIN_DAYS_BETWEEN
        : Math.Min(setting, SettingsLimits.MAX_REPLENISHMENT_EMAIL_MIN_DAYS_BETWEEN);

    public static int MaxProductsOrDefault(int setting) => setting <= 0
        ? PersonalizationSettings.DEFAULT_REPLENISHMENT_EMAIL_MAX_PRODUCTS
        : Math.Min(setting, SettingsLimits.MAX_REPLENISHMENT_EMAIL_PRODUCTS);
}
