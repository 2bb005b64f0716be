using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

/// <summary>
/// What earlier steps learned and later steps use: marks in the logs, the products chosen, the shoppers and their ids.
/// </summary>
public sealed class SuiteState : IDisposable
{
    private readonly List<IDisposable> _open = [];

    public long LogAtStart { get; set; }

    public int DatabaseLogIdAtStart { get; set; }

    public long LogBeforeInstall { get; set; }

    public int DatabaseLogIdBeforeInstall { get; set; }

    public int StoreId { get; set; }

    /// <summary>
    /// The shopper who registered in step D: e-mail, password and customer id, for checkout and later steps.
    /// </summary>
    public (string Email, string Password, int CustomerId) Registered { get; set; }

    public long LogAfterInstall { get; set; }

    public int DatabaseLogIdAfterInstall { get; set; }

    public long LogBeforeUninstall { get; set; }

    public int DatabaseLogIdBeforeUninstall { get; set; }

    /// <summary>
    /// The first order the suite placed (step E): orders before it are the sample data's history.
    /// </summary>
    public int FirstSuiteOrderId { get; set; }

    public IReadOnlyList<ShopProduct> Products { get; set; } = [];

    public string ConfigurationUrl { get; set; }

    public int HoldoutPercentDefault { get; set; }

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
