using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// The click tracking of the search page's results (Views/Search/SearchClickTracking.cshtml): endpoint and the token
/// that signs the query for this shopper, and a POST to it from inside a shopper's page as the page's script sends it.
/// </summary>
public sealed record SearchClickBeacon(string Endpoint, string Token)
{
    public const string MARKER = "[data-personalization-search-tracking]";

    public static SearchClickBeacon Of(ShopperSession shopper)
    {
        var marker = shopper.Browser.FindPresent(By.CssSelector(MARKER));
        return new SearchClickBeacon(marker.GetAttribute("data-endpoint"), marker.GetAttribute("data-token"));
    }

    public string TamperedToken() => BeaconRequests.Tampered(Token);

    /// <returns>The endpoint's HTTP status code.</returns>
    public int Post(ShopperSession shopper, int productId, string token) => BeaconRequests.Post(shopper, Endpoint, new Dictionary<string, string>
    {
        ["product"] = productId.ToString(), ["token"] = token
    });
}
