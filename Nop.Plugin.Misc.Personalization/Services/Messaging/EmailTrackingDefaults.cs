namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// Routes and limits of the e-mails' open pixel and tracked click links.
/// </summary>
public static class EmailTrackingDefaults
{
    public static string OpenRouteName => "Plugin.Misc.Personalization.EmailOpen";

    public static string ClickRouteName => "Plugin.Misc.Personalization.EmailClick";

    /// <summary>Route patterns after the language prefix.</summary>
    public static string OpenRoutePattern => "personalization/email/open";

    public static string ClickRoutePattern => "personalization/email/click";

    /// <summary>Requests per minute one address may make to the pixel and click endpoints together.</summary>
    public static int RequestsPerMinute => 60;

    /// <summary>E-mails whose open this node remembers having recorded (a few MB at most).</summary>
    public static int RememberedOpens => 100_000;

    /// <summary>A transparent 1×1 GIF.</summary>
    public static ReadOnlyMemory<byte> Pixel { get; } = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
}
