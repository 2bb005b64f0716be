using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

/// <summary>
/// Helpers several steps share: the configuration page, stored settings, visitors chosen by the holdout, placements.
/// </summary>
public partial class PersonalizationInShopTests
{
    private static readonly TimeSpan _widgetTimeout = TimeSpan.FromSeconds(30);

    private ConfigurationPage Configuration() => new(Admin, _state.ConfigurationUrl);

    /// <summary>
    /// A plugin setting as stored for all stores (store 0).
    /// </summary>
    private Task<string> SettingAsync(string name) =>
        _database.ScalarAsync<string>("SELECT \"Value\" FROM \"Setting\" WHERE LOWER(\"Name\") = @n AND \"StoreId\" = 0",
            ("n", PluginFootprint.SETTING_PREFIX + name));

    private ShopperSession NewShopperWhere(string name, Func<Guid, bool> wanted)
    {
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var shopper = NewShopper(name);
            if (wanted(shopper.CustomerGuid))
                return shopper;
            shopper.Dispose();
        }

        throw new AssertionException($"no new visitor of sixteen fell where '{name}' needs");
    }

    /// <summary>
    /// A new visitor whose GUID the holdout (Engine/Measurement/HoldoutAssignment.cs) puts in the treated group at the
    /// stored share, so widgets show for them.
    /// </summary>
    private async Task<ShopperSession> NewTreatedShopperAsync(string name)
    {
        var percent = int.Parse(await SettingAsync("holdoutpercent"));
        return NewShopperWhere(name, guid => !Engine.Measurement.HoldoutAssignment.IsHeldOut(guid, percent));
    }

    /// <summary>
    /// Opens the page until the placement of that strategy is there (the model and the shopper's history load in the
    /// background), then returns it.
    /// </summary>
    private static PlacementBlock WaitForBlock(ShopperSession shopper, string strategy, Action open, string page)
    {
        IReadOnlyList<PlacementBlock> blocks = [];
        try
        {
            return Poll.Until(() =>
            {
                open();
                blocks = PlacementBlock.On(shopper.Browser);
                return blocks.FirstOrDefault(b => b.Strategy == strategy);
            }, block => block != null, _widgetTimeout, $"the {strategy} placement on {page}", TimeSpan.FromSeconds(2));
        }
        catch (TimeoutException timeout)
        {
            throw new AssertionException($"{timeout.Message}; placements seen there: [{string.Join("; ", blocks)}]");
        }
    }

    private static void AssertRenderedThroughProductBoxes(PlacementBlock block)
    {
        block.ProductIds.Count.Should().BeGreaterThanOrEqualTo(2, "a placement shows at least the minimum number of products: {0}", block);
        block.ProductBoxIds.Should().Equal(block.ProductIds, "each recommended product is rendered by the theme's product box: {0}", block);
        block.ProductIds.Should().OnlyHaveUniqueItems("a placement shows a product once: {0}", block);
    }
}
