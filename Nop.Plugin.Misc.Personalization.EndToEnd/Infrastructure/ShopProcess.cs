using System.Diagnostics;
using System.Net;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

/// <summary>
/// The shop's process: restarted with the shared start-shop.sh (which stops the previous one through WORK/shop.pid),
/// and asked over HTTP with a browser's User-Agent (nopCommerce treats other agents as crawlers).
/// </summary>
public sealed class ShopProcess
{
    public const string BROWSER_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";

    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly E2eEnvironment _environment;

    public ShopProcess(E2eEnvironment environment)
    {
        _environment = environment;
    }

    public Uri Url(string relative) => new(_environment.ShopUrl, relative.TrimStart('/'));

    /// <summary>
    /// Stops the shop if it still runs, starts it again and waits until the home page answers 200.
    /// </summary>
    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo("bash", [_environment.StartShopScript])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false
        };
        start.Environment["WORK"] = _environment.WorkDirectory;
        start.Environment["SHOP_URL"] = _environment.ShopUrl.GetLeftPart(UriPartial.Authority);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run " + _environment.StartShopScript);
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"start-shop.sh exited with {process.ExitCode}: {output} {errors}");

        await WaitForHomePageAsync(StartTimeout);
    }

    public async Task WaitForHomePageAsync(TimeSpan timeout)
    {
        await Poll.UntilAsync(() => StatusOfAsync("/"), status => status == HttpStatusCode.OK, timeout,
            "the shop's home page to answer 200", TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// Waits until nothing answers any more (the shop stopped itself after "Restart application").
    /// </summary>
    public async Task WaitUntilStoppedAsync(TimeSpan timeout)
    {
        await Poll.UntilAsync(async () =>
        {
            try
            {
                await StatusOfAsync("/");
                return false;
            }
            catch (HttpRequestException)
            {
                return true;
            }
        }, stopped => stopped, timeout, "the shop process to stop", TimeSpan.FromSeconds(1));
    }

    public async Task<HttpStatusCode> StatusOfAsync(string relative)
    {
        using var client = NewClient();
        using var response = await client.GetAsync(Url(relative));
        return response.StatusCode;
    }

    public static HttpClient NewClient(CookieContainer cookies = null)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies != null, CookieContainer = cookies ?? new CookieContainer() };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(BROWSER_USER_AGENT);
        return client;
    }
}
