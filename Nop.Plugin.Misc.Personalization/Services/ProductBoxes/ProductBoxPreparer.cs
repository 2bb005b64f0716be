using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Web.Factories;
using Nop.Web.Models.Catalog;

namespace Nop.Plugin.Misc.Personalization.Services.ProductBoxes;

/// <summary>
/// The theme's product boxes for the products a placement shows, prepared by nopCommerce's own
/// <see cref="IProductModelFactory"/> as its blocks do; the boxes this customer saw a moment ago come from
/// <see cref="ProductBoxCache"/> instead (setting "Reuse a shopper's product boxes", in minutes; 0 prepares every box
/// on every page).
/// </summary>
public class ProductBoxPreparer
{
    private readonly ProductBoxCache _cache;
    private readonly IProductModelFactory _productModelFactory;
    private readonly PersonalizationSettings _settings;
    private readonly IWorkContext _workContext;

    public ProductBoxPreparer(ProductBoxCache cache, IProductModelFactory productModelFactory, PersonalizationSettings settings, IWorkContext workContext)
    {
        _cache = cache;
        _productModelFactory = productModelFactory;
        _settings = settings;
        _workContext = workContext;
    }

    /// <returns>One box per product, in the products' order.</returns>
    public async Task<List<ProductOverviewModel>> PrepareAsync(IList<Product> products, Customer customer, int storeId)
    {
        var lifetime = TimeSpan.FromMinutes(Math.Clamp(_settings.ProductBoxCacheMinutes, 0, SettingsLimits.MAX_PRODUCT_BOX_CACHE_MINUTES));
        if (lifetime == TimeSpan.Zero || customer == null || products.Count == 0)
            return (await _productModelFactory.PrepareProductOverviewModelsAsync(products)).ToList();

        var language = await _workContext.GetWorkingLanguageAsync();
        var currency = await _workContext.GetWorkingCurrencyAsync();
        var taxDisplayType = (int)await _workContext.GetTaxDisplayTypeAsync();

        var boxes = new ProductOverviewModel[products.Count];
        var missing = new List<(int Index, ProductBoxKey Key, ProductBoxStamp Stamp)>();
        for (var i = 0; i < products.Count; i++)
        {
            var key = new ProductBoxKey(customer.Id, storeId, language?.Id ?? 0, currency?.Id ?? 0, taxDisplayType, products[i].Id);
            if (_cache.TryGet(key, out var box))
                boxes[i] = box;
            else
                missing.Add((i, key, _cache.Stamp(key)));
        }

        if (missing.Count > 0)
        {
            var prepared = (await _productModelFactory.PrepareProductOverviewModelsAsync(missing.Select(m => products[m.Index]).ToList()))
                .Where(box => box != null)
                .GroupBy(box => box.Id)
                .ToDictionary(group => group.Key, group => group.First());
            foreach (var (index, key, stamp) in missing)
            {
                if (!prepared.TryGetValue(key.ProductId, out var box))
                    continue;
                boxes[index] = box;
                _cache.Add(key, box, stamp, lifetime);
            }
        }

        //a product the factory left out (a theme's override may filter) is left out here too
        return boxes.Where(box => box != null).ToList();
    }
}
