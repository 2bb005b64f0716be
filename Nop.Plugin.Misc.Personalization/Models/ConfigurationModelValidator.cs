using Nop.Plugin.Misc.Personalization.Services;

namespace Nop.Plugin.Misc.Personalization.Models;

/// <summary>
/// Checks admin input before anything is saved. Returns resource keys with arguments so messages stay localisable.
/// </summary>
public static class ConfigurationModelValidator
{
    public sealed record Error(string Property, string ResourceKey, object[] Arguments);

    public static IReadOnlyList<Error> Validate(ConfigurationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var errors = new List<Error>();

        if (!Enum.IsDefined(typeof(TrackingConsent), model.Consent))
            errors.Add(new Error(nameof(model.Consent), "Plugins.Misc.Personalization.Validation.Consent", []));
        else if (model.Consent == (int)TrackingConsent.GdprConsentAccepted && model.GdprConsentId <= 0)
            errors.Add(new Error(nameof(model.GdprConsentId), "Plugins.Misc.Personalization.Validation.GdprConsentId", []));

        Range(errors, nameof(model.HoldoutPercent), model.HoldoutPercent, 0, SettingsLimits.MAX_HOLDOUT_PERCENT);
        Range(errors, nameof(model.DecayHalfLifeDays), model.DecayHalfLifeDays, SettingsLimits.MIN_HALF_LIFE_DAYS, SettingsLimits.MAX_HALF_LIFE_DAYS);
        Range(errors, nameof(model.RetentionDays), model.RetentionDays, SettingsLimits.MIN_RETENTION_DAYS, SettingsLimits.MAX_RETENTION_DAYS);
        Range(errors, nameof(model.MinimumProductsPerPlacement), model.MinimumProductsPerPlacement, SettingsLimits.MIN_PRODUCTS_PER_PLACEMENT, SettingsLimits.MAX_PRODUCTS_PER_PLACEMENT);
        Range(errors, nameof(model.MaxProductsPerCategory), model.MaxProductsPerCategory, SettingsLimits.MIN_PRODUCTS_PER_PLACEMENT, SettingsLimits.MAX_PRODUCTS_PER_PLACEMENT);
        Range(errors, nameof(model.MaxBufferedEvents), model.MaxBufferedEvents, SettingsLimits.MIN_BUFFERED_EVENTS, SettingsLimits.MAX_BUFFERED_EVENTS);
        Range(errors, nameof(model.LowStockThreshold), model.LowStockThreshold, 0, SettingsLimits.MAX_LOW_STOCK_THRESHOLD);
        Range(errors, nameof(model.ProductBoxCacheMinutes), model.ProductBoxCacheMinutes, 0, SettingsLimits.MAX_PRODUCT_BOX_CACHE_MINUTES);
        Range(errors, nameof(model.TrainingMemoryMegabytes), model.TrainingMemoryMegabytes,
            SettingsLimits.MIN_TRAINING_MEMORY_MEGABYTES, SettingsLimits.MAX_TRAINING_MEMORY_MEGABYTES);
        if ((model.TrainingNode?.Trim().Length ?? 0) > SettingsLimits.MAX_TRAINING_NODE_LENGTH)
            errors.Add(new Error(nameof(model.TrainingNode), "Plugins.Misc.Personalization.Validation.TrainingNode", [SettingsLimits.MAX_TRAINING_NODE_LENGTH]));
        Range(errors, nameof(model.BackInStockMaxCustomers), model.BackInStockMaxCustomers, 0, SettingsLimits.MAX_BACK_IN_STOCK_CUSTOMERS);
        Range(errors, nameof(model.BackInStockOfferDays), model.BackInStockOfferDays, SettingsLimits.MIN_BACK_IN_STOCK_OFFER_DAYS, SettingsLimits.MAX_BACK_IN_STOCK_OFFER_DAYS);
        Range(errors, nameof(model.ReplenishmentEmailMinDaysBetween), model.ReplenishmentEmailMinDaysBetween,
            SettingsLimits.MIN_REPLENISHMENT_EMAIL_MIN_DAYS_BETWEEN, SettingsLimits.MAX_REPLENISHMENT_EMAIL_MIN_DAYS_BETWEEN);
        Range(errors, nameof(model.ReplenishmentEmailMaxProducts), model.ReplenishmentEmailMaxProducts,
            SettingsLimits.MIN_REPLENISHMENT_EMAIL_PRODUCTS, SettingsLimits.MAX_REPLENISHMENT_EMAIL_PRODUCTS);
        Range(errors, nameof(model.AbandonedCartFirstDelayMinutes), model.AbandonedCartFirstDelayMinutes,
            SettingsLimits.MIN_ABANDONED_CART_FIRST_DELAY_MINUTES, SettingsLimits.MAX_ABANDONED_CART_FIRST_DELAY_MINUTES);
        Range(errors, nameof(model.AbandonedCartSecondDelayHours), model.AbandonedCartSecondDelayHours,
            SettingsLimits.MIN_ABANDONED_CART_SECOND_DELAY_HOURS, SettingsLimits.MAX_ABANDONED_CART_SECOND_DELAY_HOURS);
        Range(errors, nameof(model.EmailFrequencyCapHours), model.EmailFrequencyCapHours, 0, SettingsLimits.MAX_EMAIL_FREQUENCY_CAP_HOURS);

        return errors;
    }

    private static void Range(List<Error> errors, string property, int value, int min, int max)
    {
        if (value < min || value > max)
            errors.Add(new Error(property, "Plugins.Misc.Personalization.Validation.Range", [FieldResourceKey(property), min, max]));
    }

    /// <summary>
    /// The first argument of a range message is the field's own display-name resource.
    /// </summary>
    public static string FieldResourceKey(string property) => $"Plugins.Misc.Personalization.Fields.{property}";
}
