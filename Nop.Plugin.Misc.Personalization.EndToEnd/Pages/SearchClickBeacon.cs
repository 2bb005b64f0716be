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
                body: new URLSearchParams({ product: arguments[1], token: arguments[2] }) })
              .then(function (response) { done(response.status); })
              .catch(function () { done(-1); });
            """, Endpoint, productId.ToString(), token);
        return Convert.ToInt32(status);
    }
}
