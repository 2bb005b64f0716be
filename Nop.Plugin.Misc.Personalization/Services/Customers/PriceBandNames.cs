using System.Globalization;
using Nop.Core;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Directory;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Services.Customers;

/// <summary>
/// A price band as a price range in the working currency ("$25.00–$60.00", "up to $25.00", "over $120.00"), from the
/// cut points the last insights run stored (in the primary currency); "price band 3 of 5" until a run stored them.
/// </summary>
public class PriceBandNames
{
    public const string UP_TO = "Plugins.Misc.Personalization.Customer.Affinity.PriceUpTo";
    public const string BETWEEN = "Plugins.Misc.Personalization.Customer.Affinity.PriceBetween";
    public const string OVER = "Plugins.Misc.Personalization.Customer.Affinity.PriceOver";

    private static readonly int _bandCount = new ProfileOptions().PriceBandCount;

    private readonly ICurrencyService _currencyService;
    private readonly ILocalizationService _localizationService;
    private readonly IPriceFormatter _priceFormatter;
    private readonly ISettingService _settingService;
    private readonly IWorkContext _workContext;
    private PriceBands _bands;
    private bool _loaded;

    public PriceBandNames(ICurrencyService currencyService, ILocalizationService localizationService, IPriceFormatter priceFormatter,
        ISettingService settingService, IWorkContext workContext)
    {
        _currencyService = currencyService;
        _localizationService = localizationService;
        _priceFormatter = priceFormatter;
        _settingService = settingService;
        _workContext = workContext;
    }

    public async Task<string> NameOfAsync(int band)
    {
        if (!_loaded)
        {
            _bands = PriceBands.Parse((await _settingService.LoadSettingAsync<PersonalizationInsightsState>()).PriceBandBounds);
            _loaded = true;
        }

        var (above, upTo) = _bands?.RangeOf(band) ?? (null, null);
        if (above == null && upTo == null)
            return string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(CustomerInsightResources.PRICE_BAND), band, _bandCount);

        if (above == null)
            return string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(UP_TO), await PriceAsync(upTo.Value));
        if (upTo == null)
            return string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(OVER), await PriceAsync(above.Value));

        return string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(BETWEEN), await PriceAsync(above.Value), await PriceAsync(upTo.Value));
    }

    private async Task<string> PriceAsync(decimal primary)
    {
        var currency = await _workContext.GetWorkingCurrencyAsync();
        return await _priceFormatter.FormatPriceAsync(await _currencyService.ConvertFromPrimaryStoreCurrencyAsync(primary, currency), true, currency);
    }
}
