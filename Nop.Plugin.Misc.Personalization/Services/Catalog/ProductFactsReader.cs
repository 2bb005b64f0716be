using Nop.Core.Domain.Catalog;
using Nop.Data;

namespace Nop.Plugin.Misc.Personalization.Services.Catalog;

/// <summary>
/// Reads the catalog in id-ordered pages (never the whole table in one query) for training and for serving filters.
/// </summary>
public class ProductFactsReader
{
    public const int PAGE_SIZE = 5_000;

    private readonly IRepository<ProductCategory> _productCategoryRepository;
    private readonly IRepository<ProductManufacturer> _productManufacturerRepository;
    private readonly IRepository<Product> _productRepository;
    private readonly IRepository<ProductWarehouseInventory> _warehouseInventoryRepository;

    public ProductFactsReader(IRepository<ProductCategory> productCategoryRepository,
        IRepository<ProductManufacturer> productManufacturerRepository,
        IRepository<Product> productRepository,
        IRepository<ProductWarehouseInventory> warehouseInventoryRepository)
    {
        _productCategoryRepository = productCategoryRepository;
        _productManufacturerRepository = productManufacturerRepository;
        _productRepository = productRepository;
        _warehouseInventoryRepository = warehouseInventoryRepository;
    }

    public async Task<IReadOnlyDictionary<int, ServableProduct>> ReadAsync()
    {
        var categories = await ReadCategoriesAsync();
        var manufacturers = await ReadManufacturersAsync();
        var warehouseStock = await ReadWarehouseStockAsync();
        var products = new Dictionary<int, ServableProduct>();

        var lastId = 0;
        while (true)
        {
            //only the columns serving needs: descriptions and the rest of the row stay in the database
            var page = await _productRepository.GetAllAsync(query => query
                .Where(product => product.Id > lastId && !product.Deleted)
                .OrderBy(product => product.Id)
                .Take(PAGE_SIZE)
                .Select(product => new Product
                {
                    Id = product.Id,
                    Published = product.Published,
                    Deleted = product.Deleted,
                    VisibleIndividually = product.VisibleIndividually,
                    ManageInventoryMethodId = product.ManageInventoryMethodId,
                    StockQuantity = product.StockQuantity,
                    UseMultipleWarehouses = product.UseMultipleWarehouses,
                    BackorderModeId = product.BackorderModeId,
                    AvailableStartDateTimeUtc = product.AvailableStartDateTimeUtc,
                    AvailableEndDateTimeUtc = product.AvailableEndDateTimeUtc,
                    SubjectToAcl = product.SubjectToAcl,
                    LimitedToStores = product.LimitedToStores,
                    Price = product.Price,
                    CreatedOnUtc = product.CreatedOnUtc
                }), includeDeleted: false);
            if (page.Count == 0)
                break;

            foreach (var product in page)
            {
                products[product.Id] = ToServable(product,
                    categories.TryGetValue(product.Id, out var categoryIds) ? categoryIds.ToArray() : [],
                    manufacturers.GetValueOrDefault(product.Id), warehouseStock.GetValueOrDefault(product.Id) > 0);
            }

            lastId = page[^1].Id;
        }

        return products;
    }

    /// <param name="warehousesInStock">For a product stocked in several warehouses: whether they hold any beyond reservations.</param>
    public static ServableProduct ToServable(Product product, int[] categoryIds, int manufacturerId, bool warehousesInStock = false) => new(
        product.Id,
        product.Published,
        product.Deleted,
        product.VisibleIndividually,
        IsInStock(product, warehousesInStock),
        product.AvailableStartDateTimeUtc,
        product.AvailableEndDateTimeUtc,
        product.SubjectToAcl,
        product.LimitedToStores,
        categoryIds,
        manufacturerId,
        product.Price,
        product.CreatedOnUtc);

    /// <summary>
    /// Whether the product can be bought for want of stock, as nopCommerce decides it: stock is only known for products
    /// whose inventory it manages as a whole (by attribute combinations counts as in stock); backorders sell below zero;
    /// a product in several warehouses has what they hold beyond reservations, not its own StockQuantity.
    /// </summary>
    public static bool IsInStock(Product product, bool warehousesInStock = false)
    {
        if (product.ManageInventoryMethod != ManageInventoryMethod.ManageStock || product.BackorderMode != BackorderMode.NoBackorders)
            return true;

        return product.UseMultipleWarehouses ? warehousesInStock : product.StockQuantity > 0;
    }

    /// <summary>
    /// Stock beyond reservations per product over all its warehouses, for products stocked in several (nopCommerce keeps
    /// one row per product and warehouse; a shop without warehouses has none).
    /// </summary>
    private async Task<Dictionary<int, int>> ReadWarehouseStockAsync()
    {
        var result = new Dictionary<int, int>();
        var lastId = 0;
        while (true)
        {
            var page = await _warehouseInventoryRepository.GetAllAsync(query => query
                .Where(inventory => inventory.Id > lastId)
                .OrderBy(inventory => inventory.Id)
                .Take(PAGE_SIZE));
            if (page.Count == 0)
                break;

            foreach (var inventory in page)
                result[inventory.ProductId] = result.GetValueOrDefault(inventory.ProductId) + inventory.StockQuantity - inventory.ReservedQuantity;
            lastId = page[^1].Id;
        }

        return result;
    }

    private async Task<Dictionary<int, List<int>>> ReadCategoriesAsync()
    {
        var result = new Dictionary<int, List<int>>();
        var lastId = 0;
        while (true)
        {
            var page = await _productCategoryRepository.GetAllAsync(query => query
                .Where(mapping => mapping.Id > lastId)
                .OrderBy(mapping => mapping.Id)
                .Take(PAGE_SIZE));
            if (page.Count == 0)
                return result;

            foreach (var mapping in page)
            {
                if (!result.TryGetValue(mapping.ProductId, out var list))
                    result[mapping.ProductId] = list = [];
                list.Add(mapping.CategoryId);
            }

            lastId = page[^1].Id;
        }
    }

    /// <summary>
    /// The first manufacturer by display order stands for the product.
    /// </summary>
    private async Task<Dictionary<int, int>> ReadManufacturersAsync()
    {
        var result = new Dictionary<int, (int ManufacturerId, int DisplayOrder)>();
        var lastId = 0;
        while (true)
        {
            var page = await _productManufacturerRepository.GetAllAsync(query => query
                .Where(mapping => mapping.Id > lastId)
                .OrderBy(mapping => mapping.Id)
                .Take(PAGE_SIZE));
            if (page.Count == 0)
                return result.ToDictionary(pair => pair.Key, pair => pair.Value.ManufacturerId);

            foreach (var mapping in page)
            {
                if (!result.TryGetValue(mapping.ProductId, out var current) || mapping.DisplayOrder < current.DisplayOrder)
                    result[mapping.ProductId] = (mapping.ManufacturerId, mapping.DisplayOrder);
            }

            lastId = page[^1].Id;
        }
    }
}
