namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// Names of the search-result click beacon.
/// </summary>
public static class SearchClickDefaults
{
    public static string RouteName => "Plugin.Misc.Personalization.SearchClick";

    /// <summary>
    /// Route pattern after the language prefix.
    /// </summary>
    public static string RoutePattern => "personalization/track/search-click";

    public static string ViewPath => "~/Plugins/Misc.Personalization/Views/Search/SearchClickTracking.cshtml";
}
