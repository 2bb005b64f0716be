using System.Linq.Expressions;
using System.Transactions;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using LinqToDB.Tools;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// nopCommerce's <see cref="IRepository{TEntity}"/> over linq2db, with the behaviour of 4.90.6's EntityRepository and
/// data providers: single inserts set the identity back on the entity, list inserts are one bulk copy with ids set
/// first (reserved from the table's sequence on PostgreSQL, counted on from the largest id on MySQL), list deletes are
/// one statement by id.
/// It does not cache (the cache-key arguments are accepted and ignored) and publishes no events.
/// </summary>
public class LinqToDbRepository<TEntity> : IRepository<TEntity> where TEntity : BaseEntity
{
    private readonly DataOptions _options;

    public LinqToDbRepository(DataOptions options)
    {
        _options = options;
    }

    public IQueryable<TEntity> Table => new DataContext(_options).GetTable<TEntity>();

    public async Task<TEntity> GetByIdAsync(int? id, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true, bool useShortTermCache = false)
    {
        if (id is null or 0)
            return null;

        var wanted = id.Value;
        return await AsyncExtensions.FirstOrDefaultAsync(Query(includeDeleted), entity => entity.Id == wanted);
    }

    public TEntity GetById(int? id, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true)
    {
        if (id is null or 0)
            return null;

        var wanted = id.Value;
        return Query(includeDeleted).FirstOrDefault(entity => entity.Id == wanted);
    }

    public async Task<IList<TEntity>> GetByIdsAsync(IList<int> ids, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true)
    {
        if (ids is null || ids.Count == 0)
            return new List<TEntity>();

        var found = await AsyncExtensions.ToDictionaryAsync(
            Query(includeDeleted).Where(entity => ids.Contains(entity.Id)), entity => entity.Id);

        // in the order asked for; ids that match nothing are left out
        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    public async Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>> func = null,
        Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true)
    {
        var query = Query(includeDeleted);
        return await AsyncExtensions.ToListAsync(func is null ? query : func(query));
    }

    public async Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, Task<IQueryable<TEntity>>> func = null,
        Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true)
    {
        return await ListAsync(func, includeDeleted);
    }

    public IList<TEntity> GetAll(Func<IQueryable<TEntity>, IQueryable<TEntity>> func = null,
        Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true)
    {
        var query = Query(includeDeleted);
        return (func is null ? query : func(query)).ToList();
    }

    public async Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, Task<IQueryable<TEntity>>> func,
        Func<ICacheKeyService, Task<CacheKey>> getCacheKey, bool includeDeleted = true)
    {
        return await ListAsync(func, includeDeleted);
    }

    public async Task<IPagedList<TEntity>> GetAllPagedAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>> func = null,
        int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false, bool includeDeleted = true)
    {
        var query = Query(includeDeleted);
        return await ToPagedListAsync(func is null ? query : func(query), pageIndex, pageSize, getOnlyTotalCount);
    }

    public async Task<IPagedList<TEntity>> GetAllPagedAsync(Func<IQueryable<TEntity>, Task<IQueryable<TEntity>>> func = null,
        int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false, bool includeDeleted = true)
    {
        var query = Query(includeDeleted);
        return await ToPagedListAsync(func is null ? query : await func(query), pageIndex, pageSize, getOnlyTotalCount);
    }

    public async Task InsertAsync(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);

        await using var connection = new DataConnection(_options);
        entity.Id = await connection.InsertWithInt32IdentityAsync(entity);
    }

    public void Insert(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);

        using var connection = new DataConnection(_options);
        entity.Id = connection.InsertWithInt32Identity(entity);
    }

    public async Task InsertAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entities);

        using var transaction = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
        await using (var connection = new DataConnection(_options))
            await connection.BulkCopyAsync(BulkInsertOptions(connection), entities.RetrieveIdentity(connection, useSequenceName: ShopDataProviders.ReservesIdsFromSequence(connection)));
        transaction.Complete();
    }

    public void Insert(IList<TEntity> entities, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entities);

        using var transaction = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
        using (var connection = new DataConnection(_options))
            connection.BulkCopy(BulkInsertOptions(connection), entities.RetrieveIdentity(connection, useSequenceName: ShopDataProviders.ReservesIdsFromSequence(connection)));
        transaction.Complete();
    }

    public async Task UpdateAsync(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);

        await using var connection = new DataConnection(_options);
        await connection.UpdateAsync(entity);
    }

    public void Update(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);

        using var connection = new DataConnection(_options);
        connection.Update(entity);
    }

    public async Task UpdateAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entities);

        // one statement per entity, as nopCommerce does (its Merge API is not on every database)
        foreach (var entity in entities)
            await UpdateAsync(entity, publishEvent);
    }

    public void Update(IList<TEntity> entities, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entities);

        foreach (var entity in entities)
            Update(entity, publishEvent);
    }

    public async Task DeleteAsync(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);

        if (SoftDeletion<TEntity>.Applies)
        {
            SoftDeletion<TEntity>.MarkDeleted(entity);
            await UpdateAsync(entity, publishEvent);
            return;
        }

        await using var connection = new DataConnection(_options);
        await connection.DeleteAsync(entity);
    }

    public void Delete(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);

        if (SoftDeletion<TEntity>.Applies)
        {
            SoftDeletion<TEntity>.MarkDeleted(entity);
            Update(entity, publishEvent);
            return;
        }

        using var connection = new DataConnection(_options);
        connection.Delete(entity);
    }

    public async Task DeleteAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entities);

        if (entities.Count == 0)
            return;

        using var transaction = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
        if (SoftDeletion<TEntity>.Applies)
        {
            foreach (var entity in entities)
                SoftDeletion<TEntity>.MarkDeleted(entity);
            await UpdateAsync(entities, publishEvent);
        }
        else
        {
            var ids = entities.Select(entity => entity.Id).ToList();
            await using var connection = new DataConnection(_options);
            await connection.GetTable<TEntity>().Where(entity => ids.Contains(entity.Id)).DeleteAsync();
        }
        transaction.Complete();
    }

    public void Delete(IList<TEntity> entities, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entities);

        if (entities.Count == 0)
            return;

        using var transaction = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
        if (SoftDeletion<TEntity>.Applies)
        {
            foreach (var entity in entities)
                SoftDeletion<TEntity>.MarkDeleted(entity);
            Update(entities, publishEvent);
        }
        else
        {
            var ids = entities.Select(entity => entity.Id).ToList();
            using var connection = new DataConnection(_options);
            connection.GetTable<TEntity>().Where(entity => ids.Contains(entity.Id)).Delete();
        }
        transaction.Complete();
    }

    public async Task<int> DeleteAsync(Expression<Func<TEntity, bool>> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);

        using var transaction = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
        int deleted;
        await using (var connection = new DataConnection(_options))
            deleted = await connection.GetTable<TEntity>().Where(predicate).DeleteAsync();
        transaction.Complete();

        return deleted;
    }

    public int Delete(Expression<Func<TEntity, bool>> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);

        using var transaction = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
        int deleted;
        using (var connection = new DataConnection(_options))
            deleted = connection.GetTable<TEntity>().Where(predicate).Delete();
        transaction.Complete();

        return deleted;
    }

    public async Task<TEntity> LoadOriginalCopyAsync(TEntity entity)
    {
        var id = entity.Id;
        return await AsyncExtensions.FirstOrDefaultAsync(Table, stored => stored.Id == id);
    }

    public async Task TruncateAsync(bool resetIdentity = false)
    {
        await using var connection = new DataConnection(_options);
        await connection.GetTable<TEntity>().TruncateAsync(resetIdentity);
    }

    //PostgreSQL: COPY; MySQL: linq2db's default for the provider (multi-row INSERTs), as nopCommerce leaves it
    private static BulkCopyOptions BulkInsertOptions(DataConnection connection) => ShopDataProviders.ReservesIdsFromSequence(connection)
        ? new() { KeepIdentity = true, BulkCopyType = BulkCopyType.ProviderSpecific }
        : new() { KeepIdentity = true };

    private IQueryable<TEntity> Query(bool includeDeleted) => SoftDeletion<TEntity>.Filter(Table, includeDeleted);

    private async Task<IList<TEntity>> ListAsync(Func<IQueryable<TEntity>, Task<IQueryable<TEntity>>> func, bool includeDeleted)
    {
        var query = Query(includeDeleted);
        return await AsyncExtensions.ToListAsync(func is null ? query : await func(query));
    }

    private static async Task<IPagedList<TEntity>> ToPagedListAsync(IQueryable<TEntity> query, int pageIndex, int pageSize, bool getOnlyTotalCount)
    {
        pageSize = Math.Max(pageSize, 1);
        var totalCount = await AsyncExtensions.CountAsync(query);

        var page = new List<TEntity>();
        if (!getOnlyTotalCount && totalCount > 0)
            page.AddRange(await AsyncExtensions.ToListAsync(query.Skip(pageIndex * pageSize).Take(pageSize)));

        return new PagedList<TEntity>(page, pageIndex, pageSize, totalCount);
    }
}
