using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Seo;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Services.Replenishment;

/// <summary>
/// Names (translated into the e-mail's language where the shop translated them) and public addresses of the products in
/// a reminder: the store URL followed by the product's active slug in that language, else its language-neutral slug
/// (nopCommerce's product route).
/// </summary>
public class ReplenishmentProductLinks
{
    private const string PRODUCT_ENTITY_NAME = nameof(Product);

    private readonly ILocalizationService _localizationService;
    private readonly ShopNames _shopNames;
    private readonly IRepository<UrlRecord> _urlRecordRepository;

    public ReplenishmentProductLinks(ILocalizationService localizationService, ShopNames shopNames, IRepository<UrlRecord> urlRecordRepository)
    {
        _localizationService = localizationService;
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
        var products = new List<ReplenishmentProduct>();
        foreach (var id in productIds.Where(names.ContainsKey))
        {
            var name = await _localizationService.GetLocalizedAsync(new Product { Id = id, Name = names[id] }, product => product.Name, languageId);
            var slug = slugs.Where(record => record.EntityId == id)
                .OrderByDescending(record => record.LanguageId == languageId)
                .ThenByDescending(record => record.Id)
                .Select(record => record.Slug)
                .FirstOrDefault();
            products.Add(new ReplenishmentProduct(id, string.IsNullOrEmpty(name) ? names[id] : name, string.IsNullOrEmpty(slug) ? null : $"{root}/{slug}"));
        }

        return products;
    }
}
