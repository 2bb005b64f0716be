using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Stores;
using Nop.Data;

namespace Nop.Plugin.Misc.Personalization.Services.Customers;

/// <summary>
/// Names of shop entities for the admin, read by primary key and only the Id and Name columns. Deleted entities keep
/// their names: history refers to them.
/// </summary>
public class ShopNames
{
    private readonly IRepository<Category> _categoryRepository;
    private readonly IRepository<Manufacturer> _manufacturerRepository;
    private readonly IRepository<Product> _productRepository;
    private readonly IRepository<Store> _storeRepository;

    public ShopNames(IRepository<Category> categoryRepository,
        IRepository<Manufacturer> manufacturerRepository,
        IRepository<Product> productRepository,
        IRepository<Store> storeRepository)
    {
        _categoryRepository = categoryRepository;
        _manufacturerRepository = manufacturerRepository;
        _productRepository = productRepository;
        _storeRepository = storeRepository;
    }

    public virtual async Task<IReadOnlyDictionary<int, string>> ProductsAsync(IReadOnlyCollection<int> ids)
    {
        if (ids.Count == 0)
            return new Dictionary<int, string>();

        var wanted = ids.ToArray();
        var products = await _productRepository.GetAllAsync(query => query
            .Where(product => wanted.Contains(product.Id))
            .Select(product => new Product { Id = product.Id, Name = product.Name }));

        return products.ToDictionary(product => product.Id, product => product.Name);
    }

    public virtual async Task<IReadOnlyDictionary<int, string>> CategoriesAsync(IReadOnlyCollection<int> ids)
    {
        if (ids.Count == 0)
            return new Dictionary<int, string>();

        var wanted = ids.ToArray();
        var categories = await _categoryRepository.GetAllAsync(query => query
            .Where(category => wanted.Contains(category.Id))
            .Select(category => new Category { Id = category.Id, Name = category.Name }));

        return categories.ToDictionary(category => category.Id, category => category.Name);
    }

    public virtual async Task<IReadOnlyDictionary<int, string>> ManufacturersAsync(IReadOnlyCollection<int> ids)
    {
        if (ids.Count == 0)
            return new Dictionary<int, string>();

        var wanted = ids.ToArray();
        var manufacturers = await _manufacturerRepository.GetAllAsync(query => query
            .Where(manufacturer => wanted.Contains(manufacturer.Id))
            .Select(manufacturer => new Manufacturer { Id = manufacturer.Id, Name = manufacturer.Name }));

        return manufacturers.ToDictionary(manufacturer => manufacturer.Id, manufacturer => manufacturer.Name);
    }

    /// <summary>
    /// Every store (a shop has a handful), deleted ones included.
    /// </summary>
    public virtual async Task<IList<Store>> StoresAsync()
    {
        return await _storeRepository.GetAllAsync(query => query
            .OrderBy(store => store.Id)
            .Select(store => new Store { Id = store.Id, Name = store.Name, Deleted = store.Deleted }));
    }
}
