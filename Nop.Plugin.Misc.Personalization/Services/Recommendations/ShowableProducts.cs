using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Services.Security;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.Personalization.Services.Recommendations;

/// <summary>
/// The last check before recommended products are shown to a customer: loads them (nopCommerce's per-entity cache
/// makes this a memory read for products shown before) and keeps those that are showable now, visible to the customer
/// (ACL) and sold in the store, in the recommended order.
/// </summary>
public class ShowableProducts
{
    private readonly IAclService _aclService;
    private readonly IServingCatalog _servingCatalog;
    private readonly IRepository<Product> _productRepository;
    private readonly ServingOptions _servingOptions;
    private readonly IStoreMappingService _storeMappingService;
    private readonly TimeProvider _timeProvider;

    public ShowableProducts(IAclService aclService,
        IServingCatalog servingCatalog,
        IRepository<Product> productRepository,
        PersonalizationSettings settings,
        IStoreMappingService storeMappingService,
        TimeProvider timeProvider)
    {
        _aclService = aclService;
        _servingCatalog = servingCatalog;
        _productRepository = productRepository;
        _servingOptions = ServingOptions.From(settings);
        _storeMappingService = storeMappingService;
        _timeProvider = timeProvider;
    }

    public async Task<IList<Product>> FilterAsync(IReadOnlyList<int> productIds, Customer customer, int storeId, int max)
    {
        var products = await _productRepository.GetByIdsAsync(productIds.ToList(), _ => null, includeDeleted: false);
        var allowed = new List<Product>(Math.Min(max, products.Count));
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        foreach (var product in products)
        {
            //the loaded entity is fresher than the in-memory catalog (refreshed every few minutes), except for the stock of
            //several warehouses or of attribute combinations, which is not on the entity
            var stockedElsewhere = _servingCatalog.Find(product.Id)?.StockCanSell == true;
            if (!ProductFactsReader.ToServable(product, [], 0, stockedElsewhere).IsShowable(now, _servingOptions.RequireStock))
                continue;
            if (product.SubjectToAcl && !await _aclService.AuthorizeAsync(product, customer))
                continue;
            if (product.LimitedToStores && !await _storeMappingService.AuthorizeAsync(product, storeId))
                continue;
            allowed.Add(product);
            if (allowed.Count == max)
                break;
        }

        return allowed;
    }
}
