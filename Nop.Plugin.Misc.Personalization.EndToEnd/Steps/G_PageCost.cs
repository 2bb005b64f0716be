using System.Text.RegularExpressions;
using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

/// <summary>
/// The page benchmark (bench/page-benchmark.sh; not part of CI): what the product page costs with the plugin's
/// placements, against the same page without them and against nopCommerce's own "also purchased" block, measured as a
/// logged-in shopper in interleaved blocks at 1 and 4 clients. Runs only with PERSONALIZATION_PAGE_BENCHMARK=1.
/// </summary>
public partial class PersonalizationInShopTests
{
    public const string PAGE_BENCHMARK = "PERSONALIZATION_PAGE_BENCHMARK";
    private const string BARE = "neither block";
    private const string PLUGIN = "plugin placements";
    private const string PLUGIN_NOT_REUSED = "plugin placements, boxes not reused";
    private const string PLUGIN_AFTER_PAGE = "plugin placements after the page";
    private const string NOP_ALSO_PURCHASED = "nopCommerce also-purchased";

    [Test, Order(750), Category("PageBenchmark")]
    public async Task G6_Page_benchmark_of_the_product_page_with_and_without_the_placements()
    {
        if (Environment.GetEnvironmentVariable(PAGE_BENCHMARK) != "1")
            Assert.Ignore($"the page benchmark runs with {PAGE_BENCHMARK}=1 (bash bench/page-benchmark.sh)");

        var rounds = IntSetting("PERSONALIZATION_PAGE_BENCHMARK_ROUNDS", 10);
        var perBlock = IntSetting("PERSONALIZATION_PAGE_BENCHMARK_PER_BLOCK", 25);
        var warmUpPerBlock = IntSetting("PERSONALIZATION_PAGE_BENCHMARK_WARMUP", 10);
        var clientCounts = (Environment.GetEnvironmentVariable("PERSONALIZATION_PAGE_BENCHMARK_CLIENTS") ?? "1,4")
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();

        var product = _state.Products.FirstOrDefault(p => p.Name == "HTC One Mini Blue") ?? _state.Products[0];
        using var shopper = await NewTreatedShopperAsync("Benchmark");
        shopper.Register($"benchmark-{Guid.NewGuid():N}@example.com", "Bench123!x");
        //an order with four other products gives nopCommerce's also-purchased block something to show on this page
        await shopper.AddToCartAsync(product);
        foreach (var other in _state.Products.Where(p => p.Id != product.Id).Take(4))
            await shopper.AddToCartAsync(other);
        await shopper.CheckOutAsync();
        using var timer = new PageTimer(_environment.ShopUrl,
            shopper.Browser.Driver.Manage().Cookies.AllCookies.Select(cookie => (cookie.Name, cookie.Value)));

        //also runs alone against a kept shop (dotnet test --filter Name~G6), without step B's result
        _state.ConfigurationUrl ??= Admin.ConfigureUrlOf(FRIENDLY_NAME);
        var pluginEnabled = new AdminCheckboxSetting(Admin, _state.ConfigurationUrl, "Enabled");
        var alsoPurchased = new AdminCheckboxSetting(Admin, "Admin/Setting/Catalog", "ProductsAlsoPurchasedEnabled");
        var boxReuse = new AdminNumberSetting(Admin, _state.ConfigurationUrl, "ProductBoxCacheMinutes");
        var afterPage = new List<AdminCheckboxSetting>();
        foreach (var strategy in new[] { "Similar", "BoughtTogether" })
            afterPage.Add(PlacementLoadsAfterPage(await ProductPagePlacementAsync(strategy)));
        void PlacementsAfterPage(bool on) => afterPage.ForEach(setting => setting.Set(on));
        var conditions = new (string Name, Action Apply)[]
        {
            (BARE, () => { pluginEnabled.Set(false); alsoPurchased.Set(false); }),
            (PLUGIN, () => { pluginEnabled.Set(true); alsoPurchased.Set(false); PlacementsAfterPage(false); boxReuse.Set(5); }),
            //every box prepared on every page: what a shopper's first view of a product costs
            (PLUGIN_NOT_REUSED, () => { pluginEnabled.Set(true); alsoPurchased.Set(false); PlacementsAfterPage(false); boxReuse.Set(0); }),
            (PLUGIN_AFTER_PAGE, () => { pluginEnabled.Set(true); alsoPurchased.Set(false); PlacementsAfterPage(true); boxReuse.Set(5); }),
            (NOP_ALSO_PURCHASED, () => { pluginEnabled.Set(false); alsoPurchased.Set(true); })
        };

        var report = new PageCostReport();
        var path = product.Slug;
        try
        {
            //what each condition renders, so the numbers compare the blocks they claim to
            foreach (var (name, apply) in conditions)
            {
                apply();
                var html = await timer.GetAsync(path);
                var placements = Regex.Matches(html, "data-personalization-placement=").Count;
                var recommended = Regex.Matches(html, "data-personalization-product=").Count;
                var nopBlock = html.Contains("also-purchased-products-grid", StringComparison.Ordinal);
                var slots = AfterPageSlots.In(html);
                report.Note($"- {name}: {placements} placement(s) with {recommended} product(s), {slots.Slots.Count} slot(s) loaded after the page; "
                    + $"nopCommerce's also-purchased block {(nopBlock ? "shown" : "not shown")}");
                if (name == PLUGIN_AFTER_PAGE)
                {
                    slots.Slots.Should().NotBeEmpty("the after-page condition leaves slots");
                    var filled = await timer.TimeAsync(slots.RequestPath, 50, 1);
                    var sorted = filled.Milliseconds.Order().ToList();
                    report.Note($"  - the request after the page that fills its {slots.Slots.Count} slot(s): p50 {sorted[sorted.Count / 2]:0.0} ms, "
                        + $"p90 {sorted[sorted.Count * 9 / 10]:0.0} ms (50 requests, 1 client)");
                }
                if (name is PLUGIN or PLUGIN_NOT_REUSED)
                    placements.Should().BeGreaterThan(0, "the benchmark measures rendered placements");
                if (name == BARE)
                    (placements + (nopBlock ? 1 : 0)).Should().Be(0, "the baseline shows neither block");
            }

            conditions.Single(c => c.Name == PLUGIN).Apply();
            await timer.TimeAsync(path, 50, 1);

            foreach (var clients in clientCounts)
            {
                for (var round = 0; round < rounds; round++)
                {
                    //rotate the order so no condition always follows the same one
                    for (var i = 0; i < conditions.Length; i++)
                    {
                        var (name, apply) = conditions[(round + i) % conditions.Length];
                        apply();
                        await timer.TimeAsync(path, warmUpPerBlock, clients);
                        report.Add(clients, name, await timer.TimeAsync(path, perBlock, clients));
                    }
                }
            }

            report.Note(await PluginTableReadsAsync(timer, path, () => conditions.Single(c => c.Name == PLUGIN).Apply()));
        }
        finally
        {
            pluginEnabled.Set(true);
            alsoPurchased.Set(true);
            PlacementsAfterPage(false);
            boxReuse.Set(5);
        }

        var text = $"Product page {path} (product {product.Id}), {rounds} rounds of {perBlock} timed requests per condition and client count, "
            + $"{warmUpPerBlock} untimed before each block, conditions interleaved.\n\n" + report.ToMarkdown(BARE);
        var file = Path.Combine(_environment.WorkDirectory, "page-benchmark.md");
        await File.WriteAllTextAsync(file, text);
        TestContext.Out.WriteLine(text);
        TestContext.Out.WriteLine($"(written to {file})");
    }

    /// <summary>
    /// Reads and inserts on the plugin's tables while the page is requested, next to the same time without requests
    /// just before (background work: the event writer's batches, the pollers), once the reloads the owner's last
    /// change started have settled.
    /// </summary>
    private async Task<string> PluginTableReadsAsync(PageTimer timer, string path, Action applyPlugin)
    {
        const int requests = 100;
        var quietTime = TimeSpan.FromSeconds(12);
        applyPlugin();
        await Task.Delay(TimeSpan.FromSeconds(15));

        var quietStart = await PluginTableActivity.ReadAsync(_database);
        await Task.Delay(quietTime);
        var busyStart = await PluginTableActivity.ReadAsync(_database);
        var started = DateTime.UtcNow;
        await timer.TimeAsync(path, requests, 4);
        var busy = DateTime.UtcNow - started;
        var busyEnd = await PluginTableActivity.ReadAsync(_database);

        var quiet = busyStart - quietStart;
        var during = busyEnd - busyStart;
        return $"- Plugin tables while {requests} product pages were served ({busy.TotalSeconds:0.0} s at 4 clients): {during.Scans} reads "
            + $"({busyEnd.ReadTablesSince(busyStart)}), {during.Inserts} inserted rows; the {quietTime.TotalSeconds:0} s before without requests: "
            + $"{quiet.Scans} reads ({busyStart.ReadTablesSince(quietStart)}), {quiet.Inserts} inserted rows.";
    }

    private static int IntSetting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
