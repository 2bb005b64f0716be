using Nop.Core.Domain.Stores;

namespace Nop.Services.Stores;

public partial interface IStoreService
{
    Task DeleteStoreAsync(Store store);

    Task<IList<Store>> GetAllStoresAsync();

    IList<Store> GetAllStores();

    Task<Store> GetStoreByIdAsync(int storeId);

    Task InsertStoreAsync(Store store);

    Task UpdateStoreAsync(Store store);

    void UpdateStore(Store store);

    bool ContainsHostValue(Store store, string host);

    Task<string[]> GetNotExistingStoresAsync(string[] storeIdsNames);
}
