using System.Linq.Expressions;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Services.Catalog;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// Reads what the search index holds: published products with their name, SKU, short description, tags, category and
/// manufacturer names, localized names and short descriptions, and their store mappings; in id-ordered pages.
/// </summary>
public class SearchDocumentReader
{
    public const int PAGE_SIZE = 5_000;

    private readonly IRepository<Category> _categoryRepository;
    private readonly IRepository<LocalizedProperty> _localizedPropertyRepository;
    private readonly IRepository<Manufacturer> _manufacturerRepository;
    private readonly IRepository<ProductCategory> _productCategoryRepository;
    private readonly IRepository<ProductManufacturer> _productManufacturerRepository;
    private readonly IRepository<Product> _productRepository;
    private readonly IRepository<ProductProductTagMapping> _productTagMappingRepository;
    private readonly IRepository<ProductTag> _productTagRepository;
    private readonly IRepository<StoreMapping> _storeMappingRepository;

    public SearchDocumentReader(IRepository<Category> categoryRepository,
        IRepository<LocalizedProperty> localizedPropertyRepository,
        IRepository<Manufacturer> manufacturerRepository,
        IRepository<ProductCategory> productCategoryRepository,
        IRepository<ProductManufacturer> productManufacturerRepository,
        IRepository<Product> productRepository,
        IRepository<ProductProductTagMapping> productTagMappingRepository,
        IRepository<ProductTag> productTagRepository,
        IRepository<StoreMapping> storeMappingRepository)
    {
        _categoryRepository = categoryRepository;
        _localizedPropertyRepository = localizedPropertyRepository;
        _manufacturerRepository = manufacturerRepository;
        _productCategoryRepository = productCategoryRepository;
        _productManufacturerRepository = productManufacturerRepository;
        _productRepository = productRepository;
        _productTagMappingRepository = productTagMappingRepository;
        _productTagRepository = productTagRepository;
        _storeMappingRepository = storeMappingRepository;
    }

    public async Task<IReadOnlyList<SearchDocument>> ReadAllAsync()
    {
        //concrete queries per table: the shop's linq2db 5.4 does not translate a filter on a generic entity's Id
        var categoryNames = await NamesAsync(lastId => _categoryRepository.GetAllAsync(query => query
            .Where(category => !category.Deleted && category.Id > lastId).OrderBy(category => category.Id).Take(PAGE_SIZE)), category => category.Name);
        var manufacturerNames = await NamesAsync(lastId => _manufacturerRepository.GetAllAsync(query => query
            .Where(manufacturer => !manufacturer.Deleted && manufacturer.Id > lastId).OrderBy(manufacturer => manufacturer.Id).Take(PAGE_SIZE)), manufacturer => manufacturer.Name);
        var tagNames = await NamesAsync(lastId => _productTagRepository.GetAllAsync(query => query
            .Where(tag => tag.Id > lastId).OrderBy(tag => tag.Id).Take(PAGE_SIZE)), tag => tag.Name);
        var texts = new Dictionary<int, List<string>>();
        await AddMappedNamesAsync(lastId => _productCategoryRepository.GetAllAsync(query => query
            .Where(mapping => mapping.Id > lastId).OrderBy(mapping => mapping.Id).Take(PAGE_SIZE)), mapping => mapping.ProductId, mapping => mapping.CategoryId, categoryNames, texts);
        await AddMappedNamesAsync(lastId => _productManufacturerRepository.GetAllAsync(query => query
            .Where(mapping => mapping.Id > lastId).OrderBy(mapping => mapping.Id).Take(PAGE_SIZE)), mapping => mapping.ProductId, mapping => mapping.ManufacturerId, manufacturerNames, texts);
        await AddTagNamesAsync(tagNames, texts);
        await AddLocalizedAsync(property => true, texts);
        var stores = await StoresAsync(mapping => true);

        var documents = new List<SearchDocument>();
        var lastId = 0;
        while (true)
        {
            var page = await _productRepository.GetAllAsync(query => Searchable(query)
                .Where(product => product.Id > lastId)
                .OrderBy(product => product.Id)
                .Take(PAGE_SIZE)
                .Select(product => new Product
                {
                    Id = product.Id,
                    Name = product.Name,
                    Sku = product.Sku,
                    ShortDescription = product.ShortDescription,
                    LimitedToStores = product.LimitedToStores
                }), includeDeleted: false);
            if (page.Count == 0)
                return documents;

            foreach (var product in page)
                documents.Add(ToDocument(product, texts, stores));
            lastId = page[^1].Id;
        }
    }

    /// <summary>The product as the index should hold it, or null when it should not be searchable.</summary>
    public async Task<SearchDocument> ReadAsync(int productId)
    {
        var products = await _productRepository.GetAllAsync(query => Searchable(query).Where(product => product.Id == productId), includeDeleted: false);
        if (products.Count == 0)
            return null;

        var categoryIds = (await _productCategoryRepository.GetAllAsync(query => query.Where(mapping => mapping.ProductId == productId))).Select(mapping => mapping.CategoryId).ToList();
        var manufacturerIds = (await _productManufacturerRepository.GetAllAsync(query => query.Where(mapping => mapping.ProductId == productId))).Select(mapping => mapping.ManufacturerId).ToList();
        var tagIds = (await _productTagMappingRepository.GetAllAsync(query => query.Where(mapping => mapping.ProductId == productId))).Select(mapping => mapping.ProductTagId).ToList();
        var names = new List<string>();
        names.AddRange((await _categoryRepository.GetAllAsync(query => query.Where(category => categoryIds.Contains(category.Id) && !category.Deleted))).Select(category => category.Name));
        names.AddRange((await _manufacturerRepository.GetAllAsync(query => query.Where(manufacturer => manufacturerIds.Contains(manufacturer.Id) && !manufacturer.Deleted))).Select(manufacturer => manufacturer.Name));
        names.AddRange((await _productTagRepository.GetAllAsync(query => query.Where(tag => tagIds.Contains(tag.Id)))).Select(tag => tag.Name));
        var texts = new Dictionary<int, List<string>> { [productId] = names };
        await AddLocalizedAsync(property => property.EntityId == productId, texts);
        var stores = await StoresAsync(mapping => mapping.EntityId == productId);
        return ToDocument(products[0], texts, stores);
    }

    private static IQueryable<Product> Searchable(IQueryable<Product> query) =>
        query.Where(product => product.Published && !product.Deleted);

    private static SearchDocument ToDocument(Product product, Dictionary<int, List<string>> texts, Dictionary<int, List<int>> stores)
    {
        //limited to stores without any mapping: nopCommerce sells it nowhere
        IReadOnlyList<int> storeIds = !product.LimitedToStores ? [] : stores.TryGetValue(product.Id, out var mapped) ? mapped : [-1];
        return new SearchDocument(product.Id, product.Name, product.Sku, product.ShortDescription,
            texts.TryGetValue(product.Id, out var list) ? list : [], storeIds);
    }

    private static async Task<Dictionary<int, string>> NamesAsync<TEntity>(Func<int, Task<IList<TEntity>>> pageAfter, Func<TEntity, string> name)
        where TEntity : BaseEntity
    {
        var result = new Dictionary<int, string>();
        var lastId = 0;
        while (true)
        {
            var page = await pageAfter(lastId);
            if (page.Count == 0)
                return result;
            foreach (var entity in page)
                result[entity.Id] = name(entity);
            lastId = page[^1].Id;
        }
    }

    private static async Task AddMappedNamesAsync<TMapping>(Func<int, Task<IList<TMapping>>> pageAfter,
        Func<TMapping, int> productId, Func<TMapping, int> targetId, Dictionary<int, string> names, Dictionary<int, List<string>> texts)
        where TMapping : BaseEntity
    {
        var lastId = 0;
        while (true)
        {
            var page = await pageAfter(lastId);
            if (page.Count == 0)
                return;
            foreach (var mapping in page)
            {
                if (names.TryGetValue(targetId(mapping), out var name))
                    Add(texts, productId(mapping), name);
            }
            lastId = page[^1].Id;
        }
    }

    private Task AddTagNamesAsync(Dictionary<int, string> tagNames, Dictionary<int, List<string>> texts) =>
        ProductTagMappings.ForEachAsync(_productRepository, _productTagMappingRepository, mapping =>
        {
            if (tagNames.TryGetValue(mapping.ProductTagId, out var name))
                Add(texts, mapping.ProductId, name);
        });

    private async Task AddLocalizedAsync(Expression<Func<LocalizedProperty, bool>> filter, Dictionary<int, List<string>> texts)
    {
        var lastId = 0;
        while (true)
        {
            var page = await _localizedPropertyRepository.GetAllAsync(query => query
                .Where(filter)
                .Where(property => property.LocaleKeyGroup == nameof(Product)
                    && (property.LocaleKey == nameof(Product.Name) || property.LocaleKey == nameof(Product.ShortDescription))
                    && property.Id > lastId)
                .OrderBy(property => property.Id)
                .Take(PAGE_SIZE));
            if (page.Count == 0)
                return;
            foreach (var property in page)
                Add(texts, property.EntityId, property.LocaleValue);
            lastId = page[^1].Id;
        }
    }

    private async Task<Dictionary<int, List<int>>> StoresAsync(Expression<Func<StoreMapping, bool>> filter)
    {
        var result = new Dictionary<int, List<int>>();
        var lastId = 0;
        while (true)
        {
            var page = await _storeMappingRepository.GetAllAsync(query => query
                .Where(filter)
                .Where(mapping => mapping.EntityName == nameof(Product) && mapping.Id > lastId)
                .OrderBy(mapping => mapping.Id)
                .Take(PAGE_SIZE));
            if (page.Count == 0)
                return result;
            foreach (var mapping in page)
            {
                if (!result.TryGetValue(mapping.EntityId, out var list))
                    result[mapping.EntityId] = list = [];
                list.Add(mapping.StoreId);
            }
            lastId = page[^1].Id;
        }
    }

    private static void Add(Dictionary<int, List<string>> texts, int productId, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return;
        if (!texts.TryGetValue(productId, out var list))
            texts[productId] = list = [];
        list.Add(text);
    }
}
