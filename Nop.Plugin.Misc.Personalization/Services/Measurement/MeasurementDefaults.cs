namespace Nop.Plugin.Misc.Personalization.Services.Measurement;

/// <summary>
/// Names and limits of impression and click tracking.
/// </summary>
public static class MeasurementDefaults
{
    public static string ClickRouteName => "Plugin.Misc.Personalization.TrackClick";

    /// <summary>
    /// Route pattern after the language prefix.
    /// </summary>
    public static string ClickRoutePattern => "personalization/track/click";

    public static string TrackingViewPath => "~/Plugins/Misc.Personalization/Views/Shared/_PersonalizationTracking.cshtml";

    /// <summary>
    /// How long after a render its products can still be clicked; a page left open longer just stops counting clicks.
    /// </summary>
    public static TimeSpan TokenLifetime { get; } = TimeSpan.FromHours(2);

    public static int ClicksPerMinute => 30;

    /// <summary>
    /// Customers the click rate limiter remembers at once (a few MB at most).
    /// </summary>
    public static int RateLimiterCapacity => 50_000;
}
