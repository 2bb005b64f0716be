using System.Diagnostics;
using System.Net;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

/// <summary>
/// Times storefront pages as one shopper: the cookies of a browser session (so the shop sees the same customer), a
/// browser User-Agent, each response read to its end. With several clients the requests of a block run concurrently.
/// </summary>
public sealed class PageTimer : IDisposable
{
    private readonly HttpClient _client;

    public PageTimer(Uri shopUrl, IEnumerable<(string Name, string Value)> cookies)
    {
        var container = new CookieContainer();
        foreach (var (name, value) in cookies)
            container.Add(shopUrl, new Cookie(name, value));

        _client = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = container,
            UseCookies = true,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = 16
        })
        {
            BaseAddress = shopUrl,
            Timeout = TimeSpan.FromSeconds(60)
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(ShopProcess.BROWSER_USER_AGENT);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml");
    }

    public async Task<string> GetAsync(string path)
    {
        using var response = await _client.GetAsync(path.TrimStart('/'));
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            Assert.Fail($"GET /{path.TrimStart('/')} answered {(int)response.StatusCode}, not 200");
        return html;
    }

    /// <summary>
    /// Sends <paramref name="requests"/> requests for the page from <paramref name="clients"/> concurrent clients.
    /// </summary>
    public async Task<TimedBlock> TimeAsync(string path, int requests, int clients)
    {
        var times = new double[requests];
        var next = -1;
        var total = Stopwatch.StartNew();

        async Task ClientAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                await GetAsync(path);
                times[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => ClientAsync()));

        return new TimedBlock(times, total.Elapsed.TotalSeconds);
    }

    public void Dispose() => _client.Dispose();
}

public sealed record TimedBlock(IReadOnlyList<double> Milliseconds, double ElapsedSeconds);
