using Nop.Core.Domain.Catalog;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;

namespace Nop.Plugin.Misc.Personalization.Services.Catalog;

/// <summary>
/// Reads the catalog in id-ordered pages (never the whole table in one query) for training and for serving filters.
/// </summary>
public class ProductFactsReader
{
    public const int PAGE_SIZE = 5_000;

    private readonly ProductAttributeReader _attributeReader;
    private readonly IRepository<ProductAttributeCombination> _combinationRepository;
    private readonly IRepository<ProductCategory> _productCategoryRepository;
    private readonly IRepository<ProductManufacturer> _productManufacturerRepository;
    private readonly IRepository<Product> _productRepository;
    private readonly IRepository<ProductWarehouseInventory> _warehouseInventoryRepository;

    public ProductFactsReader(ProductAttributeReader attributeReader,
        IRepository<ProductAttributeCombination> combinationRepository,
        IRepository<ProductCategory> productCategoryRepository,
        IRepository<ProductManufacturer> productManufacturerRepository,
        IRepository<Product> productRepository,
        IRepository<ProductWarehouseInventory> warehouseInventoryRepository)
    {
        _attributeReader = attributeReader;
        _combinationRepository = combinationRepository;
        _productCategoryRepository = productCategoryRepository;
        _productManufacturerRepository = productManufacturerRepository;
        _productRepository = productRepository;
        _warehouseInventoryRepository = warehouseInventoryRepository;
    }

    public async Task<IReadOnlyDictionary<int, ServableProduct>> ReadAsync() => (await ReadCatalogAsync()).Products;

    /// <summary>Every product with its attributes, and the attributes' names in every language (for segment rules).</summary>
    public async Task<(IReadOnlyDictionary<int, ServableProduct> Products, AttributeVocabulary Vocabulary)> ReadCatalogAsync()
    {
        var attributes = await _attributeReader.ReadAsync();
        var categories = await ReadCategoriesAsync();
        var manufacturers = await ReadManufacturersAsync();
        var warehouseStock = await ReadWarehouseStockAsync();
        var combinationStock = await ReadCombinationStockAsync();
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
                    MinStockQuantity = product.MinStockQuantity,
                    LowStockActivityId = product.LowStockActivityId,
                    UseMultipleWarehouses = product.UseMultipleWarehouses,
                    BackorderModeId = product.BackorderModeId,
                    AllowAddingOnlyExistingAttributeCombinations = product.AllowAddingOnlyExistingAttributeCombinations,
                    DisableBuyButton = product.DisableBuyButton,
                    CallForPrice = product.CallForPrice,
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
                //null: nothing limits the product (a combination sells out of stock, or, without combinations, nopCommerce
                //checks no stock for attributes the product does not restrict to existing combinations)
                int? leftElsewhere = product.ManageInventoryMethod != ManageInventoryMethod.ManageStockByAttributes
                    ? warehouseStock.GetValueOrDefault(product.Id)
                    : combinationStock.TryGetValue(product.Id, out var combinations) ? combinations
                    : product.AllowAddingOnlyExistingAttributeCombinations ? 0 : null;
                products[product.Id] = ToServable(product,
                    categories.TryGetValue(product.Id, out var categoryIds) ? categoryIds.ToArray() : [],
                    manufacturers.GetValueOrDefault(product.Id), leftElsewhere is null or > 0, leftElsewhere) with
                {
                    Attributes = attributes.ByProduct.GetValueOrDefault(product.Id) ?? ProductAttributes.Empty
                };
            }

            lastId = page[^1].Id;
        }

        return (products, attributes.Vocabulary);
    }

    /// <summary>
    /// One product's serving facts as the database holds them now (null when it is missing or deleted): what a product
    /// whose stock changed outside the product row (warehouses, attribute combinations) looks like after the change.
    /// </summary>
    public async Task<ServableProduct> ReadProductAsync(int productId)
    {
        var product = await _productRepository.GetByIdAsync(productId, includeDeleted: false);
        if (product == null || product.Deleted)
            return null;

        var categoryIds = (await _productCategoryRepository.GetAllAsync(query => query.Where(mapping => mapping.ProductId == productId)))
            .Select(mapping => mapping.CategoryId).ToArray();
        var manufacturerId = (await _productManufacturerRepository.GetAllAsync(query => query.Where(mapping => mapping.ProductId == productId)))
            .OrderBy(mapping => mapping.DisplayOrder).Select(mapping => mapping.ManufacturerId).FirstOrDefault();

        int? leftElsewhere;
        if (product.ManageInventoryMethod == ManageInventoryMethod.ManageStockByAttributes)
        {
            var combinations = await _combinationRepository.GetAllAsync(query => query.Where(combination => combination.ProductId == productId));
            leftElsewhere = combinations.Count == 0 ? (product.AllowAddingOnlyExistingAttributeCombinations ? 0 : null)
                : combinations.Any(combination => combination.AllowOutOfStockOrders) ? null
                : combinations.Sum(combination => Math.Max(combination.StockQuantity, 0));
        }
        else
        {
            leftElsewhere = (await _warehouseInventoryRepository.GetAllAsync(query => query.Where(inventory => inventory.ProductId == productId)))
                .Sum(inventory => inventory.StockQuantity - inventory.ReservedQuantity);
        }

        return ToServable(product, categoryIds, manufacturerId, leftElsewhere is null or > 0, leftElsewhere);
    }

    /// <param name="stockedElsewhere">
    /// For a product whose stock is not its own StockQuantity (stocked in several warehouses, or by attribute
    /// combinations): whether any of them can be sold.
    /// </param>
    /// <param name="leftElsewhere">For such a product, the units they hold (null: not limited).</param>
    public static ServableProduct ToServable(Product product, int[] categoryIds, int manufacturerId, bool stockedElsewhere = false,
        int? leftElsewhere = null) => new(
        product.Id,
        product.Published,
        product.Deleted,
        product.VisibleIndividually,
        IsInStock(product, stockedElsewhere),
        product.AvailableStartDateTimeUtc,
        product.AvailableEndDateTimeUtc,
        product.SubjectToAcl,
        product.LimitedToStores,
        categoryIds,
        manufacturerId,
        product.Price,
        product.CreatedOnUtc)
    {
        StockLeft = StockLeft(product, leftElsewhere),
        //nopCommerce's own "low stock" mark: only while reaching it does nothing else (no disabled buy button, no unpublishing)
        MinStockQuantity = product.LowStockActivity == LowStockActivity.Nothing ? product.MinStockQuantity : 0
    };

    /// <summary>
    /// Units nopCommerce will still sell, or null when it does not limit them (stock not managed, backorders).
    /// </summary>
    public static int? StockLeft(Product product, int? leftElsewhere) => product.ManageInventoryMethod switch
    {
        ManageInventoryMethod.ManageStockByAttributes => leftElsewhere,
        ManageInventoryMethod.ManageStock when product.BackorderMode != BackorderMode.NoBackorders => null,
        ManageInventoryMethod.ManageStock => product.UseMultipleWarehouses ? leftElsewhere ?? 0 : product.StockQuantity,
        _ => null
    };

    /// <summary>
    /// Whether the product can be bought now, as nopCommerce decides it: not when its buy button is disabled (by hand,
    /// or by nopCommerce's low-stock action) or its price is to be asked for ("call for price": the cart refuses it); stock counts only when nopCommerce manages it; backorders sell below zero;
    /// a product in several warehouses has what they hold beyond reservations, a product stocked by attribute
    /// combinations what any combination holds or may sell out of stock.
    /// </summary>
    public static bool IsInStock(Product product, bool stockedElsewhere = false)
    {
        if (product.DisableBuyButton || product.CallForPrice)
            return false;

        return product.ManageInventoryMethod switch
        {
            ManageInventoryMethod.ManageStockByAttributes => stockedElsewhere,
            ManageInventoryMethod.ManageStock when product.BackorderMode != BackorderMode.NoBackorders => true,
            ManageInventoryMethod.ManageStock => product.UseMultipleWarehouses ? stockedElsewhere : product.StockQuantity > 0,
            _ => true
        };
    }

    /// <summary>
    /// Per product with attribute combinations, the units its combinations hold, or null when one may be ordered out of
    /// stock (nothing limits the product then).
    /// </summary>
    private async Task<Dictionary<int, int?>> ReadCombinationStockAsync()
    {
        var result = new Dictionary<int, int?>();
        var lastId = 0;
        while (true)
        {
            var page = await _combinationRepository.GetAllAsync(query => query
                .Where(combination => combination.Id > lastId)
                .OrderBy(combination => combination.Id)
                .Take(PAGE_SIZE)
                .Select(combination => new ProductAttributeCombination
                {
                    Id = combination.Id,
                    ProductId = combination.ProductId,
                    StockQuantity = combination.StockQuantity,
                    AllowOutOfStockOrders = combination.AllowOutOfStockOrders
                }));
            if (page.Count == 0)
                break;

            foreach (var combination in page)
            {
                var held = result.TryGetValue(combination.ProductId, out var sum) ? sum : 0;
                result[combination.ProductId] = held is null || combination.AllowOutOfStockOrders ? null : held + Math.Max(combination.StockQuantity, 0);
            }
            lastId = page[^1].Id;
        }

        return result;
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
