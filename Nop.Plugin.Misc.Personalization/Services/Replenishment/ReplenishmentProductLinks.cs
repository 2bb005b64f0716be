using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Seo;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Services.Customers;

namespace Nop.Plugin.Misc.Personalization.Services.Replenishment;

/// <summary>
/// Names and public addresses of the products in a reminder: the store URL followed by the product's active slug in the
/// e-mail's language, else its language-neutral slug (nopCommerce's product route).
/// </summary>
public class ReplenishmentProductLinks
{
    private const string PRODUCT_ENTITY_NAME = nameof(Product);

    private readonly ShopNames _shopNames;
    private readonly IRepository<UrlRecord> _urlRecordRepository;

    public ReplenishmentProductLinks(ShopNames shopNames, IRepository<UrlRecord> urlRecordRepository)
    {
        _shopNames = shopNames;
        _urlRecordRepository = urlRecordRepository;
    }

    public virtual async Task<IReadOnlyList<ReplenishmentProduct>> GetAsync(IReadOnlyList<int> productIds, string storeUrl, int languageId)
    {
        var names = await _shopNames.ProductsAsync(productIds);
        var wanted = productIds.ToArray();
        var slugs = await _urlRecordRepository.GetAllAsync(query => query
            .Where(record => record.IsActive && record.EntityName == PRODUCT_ENTITY_NAME && wanted.Contains(record.EntityId)
                && (record.LanguageId == languageId || record.LanguageId == 0)));

        var root = (storeUrl ?? string.Empty).TrimEnd('/');
        return productIds
            .Where(names.ContainsKey)
            .Select(id =>
            {
                var slug = slugs.Where(record => record.EntityId == id)
                    .OrderByDescending(record => record.LanguageId == languageId)
                    .ThenByDescending(record => record.Id)
                    .Select(record => record.Slug)
                    .FirstOrDefault();
                return new ReplenishmentProduct(id, names[id], string.IsNullOrEmpty(slug) ? null : $"{root}/{slug}");
            })
            .ToList();
    }
}
