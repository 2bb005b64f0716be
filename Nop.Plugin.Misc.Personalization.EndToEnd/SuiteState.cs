using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

/// <summary>
/// What earlier steps learned and later steps use: facts about the shop, results of steps, marks in the logs, and the
/// shoppers' browsers (closed at the end if a step left one open).
/// </summary>
public sealed class SuiteState : IDisposable
{
    private readonly List<IDisposable> _open = [];

    //the shop
    public int StoreId { get; set; }

    public IReadOnlyList<ShopProduct> Products { get; set; } = [];

    //results of steps
    public string ConfigurationUrl { get; set; }

    public int HoldoutPercentDefault { get; set; }

    /// <summary>
    /// The shopper who registered in step D: e-mail, password and customer id, for checkout and later steps.
    /// </summary>
    public (string Email, string Password, int CustomerId) Registered { get; set; }

    /// <summary>
    /// The first order the suite placed (step E): orders before it are the sample data's history.
    /// </summary>
    public int FirstSuiteOrderId { get; set; }

    //where each log check starts: a position in the shop log and the last row of nopCommerce's Log table
    public long LogBeforeInstall { get; set; }

    public int DatabaseLogIdBeforeInstall { get; set; }

    public long LogAfterInstall { get; set; }

    public int DatabaseLogIdAfterInstall { get; set; }

    public long LogBeforeUninstall { get; set; }

    public int DatabaseLogIdBeforeUninstall { get; set; }

    public ShopperSession Track(ShopperSession shopper)
    {
        _open.Add(shopper);
        return shopper;
    }

    public void Dispose()
    {
        foreach (var open in _open)
            open.Dispose();
        _open.Clear();
    }
}
