using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.BackInStock;

/// <summary>
/// Hands the back-in-stock check the products whose "available start date" passed since the last scan: no event tells
/// the shop that a date arrived. Runs with training (one node at a time), so a product coming on sale at a set date is
/// offered within a training interval. The first scan only marks where the next one starts.
/// </summary>
public class AvailabilityStartScan
{
    private readonly ISettingService _settingService;
    private readonly BackInStockWatch _watch;

    public AvailabilityStartScan(ISettingService settingService, BackInStockWatch watch)
    {
        _settingService = settingService;
        _watch = watch;
    }

    /// <returns>The products handed to the check.</returns>
    public virtual async Task<IReadOnlyList<int>> ScanAsync(IEnumerable<ServableProduct> products, DateTime nowUtc)
    {
        var state = await _settingService.LoadSettingAsync<PersonalizationAvailabilityState>();
        var from = state.ScannedToUtc;
        var started = from == null || from >= nowUtc
            ? []
            : products.Where(product => product.AvailableFromUtc > from && product.AvailableFromUtc <= nowUtc && product.IsSellable(nowUtc))
                .Select(product => product.Id)
                .ToList();
        foreach (var productId in started)
            _watch.Check(productId, nowUtc);

        state.ScannedToUtc = nowUtc;
        await _settingService.SaveSettingAsync(state);
        return started;
    }
}
