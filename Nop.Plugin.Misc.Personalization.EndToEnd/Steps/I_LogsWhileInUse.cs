using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    /// <summary>
    /// Everything between the install and the uninstall (configuration, shoppers, checkout, backfill, training, widgets,
    /// holdout, clicks) left no warning or error of the plugin in the shop's logs: a card that failed to build or a widget
    /// that rendered empty after an error shows up here even when the page itself looked fine.
    /// </summary>
    [Test, Order(990), Category(StepGate.LOG_CHECK)]
    public async Task I2_The_shop_logs_no_plugin_error_while_owner_and_shoppers_use_it() =>
        await AssertNoPluginErrorsAsync(_state.LogAfterInstall, _state.DatabaseLogIdAfterInstall, "while the owner and the shoppers used the shop");
}
