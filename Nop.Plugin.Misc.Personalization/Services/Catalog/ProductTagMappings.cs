using Nop.Core.Domain.Catalog;
using Nop.Data;

namespace Nop.Plugin.Misc.Personalization.Services.Catalog;

/// <summary>
/// Reads nopCommerce's product–tag mapping table whole. It has no Id column (its key is product and tag), so it is read
/// in ranges of product ids up to the newest product instead of by pages of ids.
/// </summary>
public static class ProductTagMappings
{
    public const int PRODUCT_RANGE = 2_000;

    public static async Task ForEachAsync(IRepository<Product> productRepository, IRepository<ProductProductTagMapping> mappingRepository,
        Action<ProductProductTagMapping> visit)
    {
        var newest = await productRepository.GetAllAsync(query => query.OrderByDescending(product => product.Id).Take(1).Select(product => new Product { Id = product.Id }),
            includeDeleted: true);
        var maxProductId = newest.Count == 0 ? 0 : newest[0].Id;
        for (var from = 0; from < maxProductId; from += PRODUCT_RANGE)
        {
            var (after, upTo) = (from, from + PRODUCT_RANGE);
            foreach (var mapping in await mappingRepository.GetAllAsync(query => query.Where(mapping => mapping.ProductId > after && mapping.ProductId <= upTo)))
                visit(mapping);
        }
    }
}
