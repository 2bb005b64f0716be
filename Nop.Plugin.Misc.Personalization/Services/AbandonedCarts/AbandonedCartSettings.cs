using Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;

namespace Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;

/// <summary>
/// The engine's rules from a store's settings; values saved by a version without them (0) fall back to the defaults,
/// and values outside the admin's limits are clamped.
/// </summary>
public static class AbandonedCartSettings
{
    public static AbandonedCartRules Rules(PersonalizationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        var firstMinutes = settings.AbandonedCartFirstDelayMinutes <= 0
            ? PersonalizationSettings.DEFAULT_ABANDONED_CART_FIRST_DELAY_MINUTES
            : Math.Clamp(settings.AbandonedCartFirstDelayMinutes, SettingsLimits.MIN_ABANDONED_CART_FIRST_DELAY_MINUTES, SettingsLimits.MAX_ABANDONED_CART_FIRST_DELAY_MINUTES);
        var secondHours = settings.AbandonedCartSecondDelayHours <= 0
            ? PersonalizationSettings.DEFAULT_ABANDONED_CART_SECOND_DELAY_HOURS
            : Math.Clamp(settings.AbandonedCartSecondDelayHours, SettingsLimits.MIN_ABANDONED_CART_SECOND_DELAY_HOURS, SettingsLimits.MAX_ABANDONED_CART_SECOND_DELAY_HOURS);

        return new AbandonedCartRules(TimeSpan.FromMinutes(firstMinutes),
            settings.AbandonedCartSecondReminderEnabled ? TimeSpan.FromHours(secondHours) : null,
            AbandonedCartRules.DefaultMaxAge);
    }
}
