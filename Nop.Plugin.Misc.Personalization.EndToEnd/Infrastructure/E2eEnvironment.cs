namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

/// <summary>
/// Where the shop under test is, read from environment variables that .ci/e2e.sh sets. Missing values fail the suite
/// under CI=true and skip it (with the command to run it) on a developer's machine.
/// </summary>
public sealed class E2eEnvironment
{
    public const string SHOP_URL = "PERSONALIZATION_E2E_SHOP_URL";
    public const string SHOP_DB = "PERSONALIZATION_E2E_SHOP_DB";
    public const string SHOP_LOG = "PERSONALIZATION_E2E_SHOP_LOG";
    public const string WORK = "PERSONALIZATION_E2E_WORK";
    public const string PLUGIN_ZIP = "PERSONALIZATION_E2E_PLUGIN_ZIP";
    public const string START_SHOP = "PERSONALIZATION_E2E_START_SHOP";

    private static readonly string[] _required = [SHOP_URL, SHOP_DB, SHOP_LOG, WORK, PLUGIN_ZIP, START_SHOP];

    public required Uri ShopUrl { get; init; }
    public required string ShopConnectionString { get; init; }
    public required string ShopLogPath { get; init; }
    public required string WorkDirectory { get; init; }
    public required string PluginZipPath { get; init; }
    public required string StartShopScript { get; init; }
    public required string AdminEmail { get; init; }
    public required string AdminPassword { get; init; }
    public required string ChromiumPath { get; init; }
    public required string ChromeDriverPath { get; init; }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The environment, or a failed (CI) / ignored (local) test explaining what is missing.
    /// </summary>
    public static E2eEnvironment Require()
    {
        var problems = _required.Where(name => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name)))
            .Select(name => $"{name} is not set").ToList();

        var zip = Environment.GetEnvironmentVariable(PLUGIN_ZIP);
        if (!string.IsNullOrWhiteSpace(zip) && !File.Exists(zip))
            problems.Add($"{PLUGIN_ZIP}={zip} does not exist (build it with: bash build/package.sh)");
        var script = Environment.GetEnvironmentVariable(START_SHOP);
        if (!string.IsNullOrWhiteSpace(script) && !File.Exists(script))
            problems.Add($"{START_SHOP}={script} does not exist");

        var chromium = Setting("PERSONALIZATION_E2E_CHROMIUM", "/usr/bin/chromium");
        var driver = Setting("PERSONALIZATION_E2E_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!File.Exists(chromium))
            problems.Add($"no browser at {chromium} (apt-get install -y chromium chromium-driver)");
        if (!File.Exists(driver))
            problems.Add($"no chromedriver at {driver} (apt-get install -y chromium chromium-driver)");

        if (problems.Count > 0)
        {
            var message = "The end-to-end suite needs a running nopCommerce 4.90.6 shop: " + string.Join("; ", problems)
                + ". Run it with: bash .ci/e2e.sh (builds the zip and the shop, then runs this suite).";
            if (IsCi)
                Assert.Fail(message);
            Assert.Ignore(message);
        }

        return new E2eEnvironment
        {
            ShopUrl = new Uri(Environment.GetEnvironmentVariable(SHOP_URL)!.TrimEnd('/') + "/"),
            ShopConnectionString = Environment.GetEnvironmentVariable(SHOP_DB),
            ShopLogPath = Environment.GetEnvironmentVariable(SHOP_LOG),
            WorkDirectory = Environment.GetEnvironmentVariable(WORK),
            PluginZipPath = zip,
            StartShopScript = script,
            AdminEmail = Setting("PERSONALIZATION_E2E_ADMIN_EMAIL", "admin@example.com"),
            AdminPassword = Setting("PERSONALIZATION_E2E_ADMIN_PASSWORD", "Admin123!x"),
            ChromiumPath = chromium,
            ChromeDriverPath = driver
        };
    }

    private static string Setting(string name, string fallback)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? fallback : value;
    }
}
