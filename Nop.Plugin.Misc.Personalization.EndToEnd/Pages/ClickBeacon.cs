using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// The click tracking a placement renders (Views/Shared/_PersonalizationTracking.cshtml): endpoint and signed token,
/// and a POST to it from inside the shopper's page (same cookies, so the same customer) as the widget's script sends it.
/// </summary>
public sealed record ClickBeacon(string Endpoint, int PlacementId, string Token)
{
    public static ClickBeacon Of(ShopperSession shopper, int placementId)
    {
        var marker = shopper.Browser.FindPresent(By.CssSelector(
            $"{PlacementBlock.CONTAINER}[data-personalization-placement='{placementId}'] [data-personalization-tracking]"));
        return new ClickBeacon(marker.GetAttribute("data-endpoint"), int.Parse(marker.GetAttribute("data-placement")), marker.GetAttribute("data-token"));
    }

    public string TamperedToken() => BeaconRequests.Tampered(Token);

    /// <returns>The endpoint's HTTP status code.</returns>
    public int Post(ShopperSession shopper, int productId, string token) => BeaconRequests.Post(shopper, Endpoint, new Dictionary<string, string>
    {
        ["placement"] = PlacementId.ToString(), ["product"] = productId.ToString(), ["token"] = token
    });
}
