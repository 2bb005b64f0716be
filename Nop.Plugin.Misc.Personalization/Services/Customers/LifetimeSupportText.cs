using System.Globalization;
using Nop.Plugin.Misc.Personalization.Engine.Lifetime;

namespace Nop.Plugin.Misc.Personalization.Services.Customers;

/// <summary>
/// <see cref="PersonalizationInsightsState.LifetimeSupport"/>: one line per store, "store|buyers|repeat buyers|fitted".
/// </summary>
public static class LifetimeSupportText
{
    public static string Format(IEnumerable<(int StoreId, LifetimeSupport Support)> stores) =>
        string.Join('\n', stores.Select(store => string.Join('|',
            store.StoreId.ToString(CultureInfo.InvariantCulture),
            store.Support.Buyers.ToString(CultureInfo.InvariantCulture),
            store.Support.RepeatBuyers.ToString(CultureInfo.InvariantCulture),
            store.Support.Fitted ? "1" : "0")));

    /// <summary>Lines that do not read as four numbers are skipped (a text cut short by the setting's length).</summary>
    public static IReadOnlyDictionary<int, LifetimeSupport> Parse(string text)
    {
        var stores = new Dictionary<int, LifetimeSupport>();
        foreach (var line in (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('|');
            if (parts.Length == 4
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var storeId)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var buyers)
                && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var repeat)
                && parts[3] is "0" or "1")
                stores[storeId] = new LifetimeSupport(buyers, repeat, parts[3] == "1");
        }

        return stores;
    }
}
