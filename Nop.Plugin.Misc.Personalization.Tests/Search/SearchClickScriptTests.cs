using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nop.Plugin.Misc.Personalization.Tests.Views;

namespace Nop.Plugin.Misc.Personalization.Tests.Search;

/// <summary>
/// Runs the search click script of Views/Search/SearchClickTracking.cshtml in headless Chromium on a page shaped like
/// nopCommerce's search page (the basic zone above the results, as Search.cshtml renders it) and checks which clicks
/// send which beacons. Skipped where Chromium is not installed.
/// </summary>
[TestFixture]
public class SearchClickScriptTests
{
    private const string ENDPOINT = "/en/personalization/track/search-click";

    [Test]
    public void ClicksOnResultBoxesSendTheirProductAlsoAfterAjaxPagingAndNothingElseIsSent()
    {
        var sent = Run("""
            document.querySelector('.product-title a').click();
            document.getElementById('own').click();
            document.getElementById('outside').click();
            document.querySelector('.search-results').innerHTML = '<article class="product-item" data-productid="21"><a id="p21" href="#p21">x</a></article>';
            document.getElementById('p21').click();
            """);

        sent.Should().Equal($"{ENDPOINT}?product=17&token=tok-1", $"{ENDPOINT}?product=21&token=tok-1");
    }

    [Test]
    public void AMiddleClickCountsAndARightClickDoesNot()
    {
        var sent = Run("""
            var link = document.querySelector('.product-title a');
            link.dispatchEvent(new MouseEvent('auxclick', { bubbles: true, button: 2 }));
            link.dispatchEvent(new MouseEvent('auxclick', { bubbles: true, button: 1 }));
            """);

        sent.Should().Equal($"{ENDPOINT}?product=17&token=tok-1");
    }

    private static IReadOnlyList<string> Run(string clicks)
    {
        var view = File.ReadAllText(Path.Combine(PluginViewsFolder.Path, "Search", "SearchClickTracking.cshtml"));
        var tracking = view[view.IndexOf("<span hidden", StringComparison.Ordinal)..]
            .Replace("@Model.EndpointUrl", ENDPOINT).Replace("@Model.Token", "tok-1");
        var page = $$"""
            <!DOCTYPE html><html><head><title>none</title></head><body>
            <div class="page search-page"><div class="page-body">
            <div class="search-input"><form><div class="basic-search">{{tracking}}</div></form></div>
            <div class="search-results"><div class="products-container">
            <article class="product-item" data-productid="17"><h2 class="product-title"><a href="#p17">Apple</a></h2></article>
            <article class="product-item" data-productid="18"><div data-personalization-product="18"><a id="own" href="#p18">Own</a></div></article>
            </div></div>
            <a id="outside" href="#x">outside</a>
            </div></div>
            <script>
            var sent = [];
            navigator.sendBeacon = function (url, body) { sent.push(url + '?' + body.toString()); return true; };
            {{clicks}}
            document.title = JSON.stringify(sent);
            </script></body></html>
            """;
        var file = Path.Combine(Path.GetTempPath(), $"search-click-{Guid.NewGuid():N}.html");
        File.WriteAllText(file, page);
        try
        {
            var start = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", new Uri(file).AbsoluteUri })
                start.ArgumentList.Add(argument);
            Process chromium;
            try
            {
                chromium = Process.Start(start);
            }
            catch (Win32Exception)
            {
                Assert.Ignore("Chromium is not installed; the search click script is not exercised here.");
                return [];
            }

            using (chromium)
            {
                var output = chromium.StandardOutput.ReadToEndAsync();
                _ = chromium.StandardError.ReadToEndAsync();
                chromium.WaitForExit(60_000).Should().BeTrue();
                var title = Regex.Match(output.Result, "<title>(.*)</title>").Groups[1].Value;
                return JsonSerializer.Deserialize<List<string>>(WebUtility.HtmlDecode(title));
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
