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

    /// <summary>
    /// The token with one character in its middle changed (still the token's alphabet, so only the signature is wrong).
    /// </summary>
    public string TamperedToken()
    {
        var chars = Token.ToCharArray();
        var middle = chars.Length / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    /// <returns>The endpoint's HTTP status code.</returns>
    public int Post(ShopperSession shopper, int productId, string token)
    {
        var status = shopper.Browser.Driver.ExecuteAsyncScript("""
            var done = arguments[arguments.length - 1];
            fetch(arguments[0], { method: 'POST', credentials: 'same-origin',
                body: new URLSearchParams({ placement: arguments[1], product: arguments[2], token: arguments[3] }) })
              .then(function (response) { done(response.status); })
              .catch(function () { done(-1); });
            """, Endpoint, PlacementId.ToString(), productId.ToString(), token);
        return Convert.ToInt32(status);
    }
}
