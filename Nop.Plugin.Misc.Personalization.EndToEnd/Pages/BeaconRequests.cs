namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>What the beacon page objects share: a token tampered with, and a form POST from inside the shopper's page.</summary>
public static class BeaconRequests
{
    /// <summary>
    /// The token with one character in its middle changed (still the token's alphabet, so only the signature is wrong).
    /// </summary>
    public static string Tampered(string token)
    {
        var chars = token.ToCharArray();
        var middle = chars.Length / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    /// <summary>POSTs the fields as a form with the shopper's cookies (so as the same customer), as the page's script does.</summary>
    /// <returns>The endpoint's HTTP status code (-1 when the request failed).</returns>
    public static int Post(ShopperSession shopper, string endpoint, IReadOnlyDictionary<string, string> fields)
    {
        var status = shopper.Browser.Driver.ExecuteAsyncScript("""
            var done = arguments[arguments.length - 1];
            fetch(arguments[0], { method: 'POST', credentials: 'same-origin', body: new URLSearchParams(arguments[1]) })
              .then(function (response) { done(response.status); })
              .catch(function () { done(-1); });
            """, endpoint, fields);
        return Convert.ToInt32(status);
    }
}
