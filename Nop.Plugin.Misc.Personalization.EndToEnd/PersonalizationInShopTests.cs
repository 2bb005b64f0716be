using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

/// <summary>
/// The plugin in a real nopCommerce 4.90.6 shop, one ordered story: the owner installs the zip, shoppers use the shop,
/// the owner trains and measures, and finally uninstalls. Each step is in its own file under Steps/ (a partial of this
/// class) with an Order leaving room for steps in between; a failed step makes every later one fail at once.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("EndToEnd")]
public partial class PersonalizationInShopTests
{
    public const string SYSTEM_NAME = "Misc.Personalization";
    public const string FRIENDLY_NAME = "Personalization";

    private readonly StepGate _gate = new();
    private readonly SuiteState _state = new();

    private E2eEnvironment _environment;
    private ShopProcess _shop;
    private ShopDatabase _database;
    private ShopLog _log;
    private AdminSession _admin;

    [OneTimeSetUp]
    public async Task ReadEnvironmentAsync()
    {
        _environment = E2eEnvironment.Require();
        _shop = new ShopProcess(_environment);
        _database = new ShopDatabase(_environment.ShopConnectionString);
        _log = new ShopLog(_environment.ShopLogPath);
        await _shop.WaitForHomePageAsync(ShopProcess.StartTimeout);
        _state.StoreId = await _database.ScalarAsync<int>("SELECT MIN(\"Id\") FROM \"Store\"");
        _state.Products = await ShopCatalog.BuyableAsync(_database);
    }

    [SetUp]
    public void RefuseAfterAFailure() => _gate.BeforeStep(TestContext.CurrentContext);

    [TearDown]
    public void RememberAFailure() => _gate.AfterStep(TestContext.CurrentContext);

    [OneTimeTearDown]
    public void CloseBrowsers()
    {
        _admin?.Dispose();
        _state.Dispose();
    }

    /// <summary>
    /// The owner's browser, logged in once and kept for the whole story (logged in again after a shop restart if needed).
    /// </summary>
    private AdminSession Admin => _admin ??= AdminSession.LogIn(_environment);

    private ShopperSession NewShopper(string name) => _state.Track(ShopperSession.Start(_environment, _database, name));

    /// <summary>
    /// No warning or error of the plugin in the shop log since the mark, nor in nopCommerce's Log table since the given row.
    /// </summary>
    private async Task AssertNoPluginErrorsAsync(long logMark, int databaseLogId, string when)
    {
        var logErrors = _log.PluginErrorsSince(logMark);
        logErrors.Should().BeEmpty($"the shop log must show no error from the plugin {when}");

        var rows = await PluginLogRows.TroubleAfterAsync(_database, databaseLogId);
        rows.Should().BeEmpty($"nopCommerce's Log table must hold no warning or error from the plugin {when}");
    }
}
