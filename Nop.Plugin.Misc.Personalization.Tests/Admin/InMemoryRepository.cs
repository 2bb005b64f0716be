using System.Linq.Expressions;
using Moq;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;

namespace Nop.Plugin.Misc.Personalization.Tests.Admin;

/// <summary>
/// An <see cref="IRepository{TEntity}"/> stand-in over a list: queries run as LINQ to objects, inserts get the next id.
/// Enough for the plugin services the admin pages call; the real SQL is covered by the PostgreSQL tests.
/// </summary>
public sealed class InMemoryRepository<TEntity> where TEntity : BaseEntity
{
    public List<TEntity> Rows { get; } = [];

    public Mock<IRepository<TEntity>> Mock { get; } = new();

    public IRepository<TEntity> Object => Mock.Object;

    public InMemoryRepository()
    {
        Mock.Setup(r => r.GetAllAsync(It.IsAny<Func<IQueryable<TEntity>, IQueryable<TEntity>>>(), It.IsAny<Func<ICacheKeyService, CacheKey>>(), It.IsAny<bool>()))
            .ReturnsAsync((Func<IQueryable<TEntity>, IQueryable<TEntity>> func, Func<ICacheKeyService, CacheKey> _, bool _) =>
                (func ?? (query => query))(Rows.ToList().AsQueryable()).ToList());
        Mock.Setup(r => r.InsertAsync(It.IsAny<TEntity>(), It.IsAny<bool>()))
            .Callback((TEntity entity, bool _) => Add(entity))
            .Returns(Task.CompletedTask);
        Mock.Setup(r => r.InsertAsync(It.IsAny<IList<TEntity>>(), It.IsAny<bool>()))
            .Callback((IList<TEntity> entities, bool _) => entities.ToList().ForEach(Add))
            .Returns(Task.CompletedTask);
        Mock.Setup(r => r.DeleteAsync(It.IsAny<Expression<Func<TEntity, bool>>>()))
            .ReturnsAsync((Expression<Func<TEntity, bool>> predicate) => Rows.RemoveAll(new Predicate<TEntity>(predicate.Compile())));
        Mock.Setup(r => r.GetAllPagedAsync(It.IsAny<Func<IQueryable<TEntity>, IQueryable<TEntity>>>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .ReturnsAsync((Func<IQueryable<TEntity>, IQueryable<TEntity>> func, int pageIndex, int pageSize, bool onlyCount, bool _) =>
            {
                var all = (func ?? (query => query))(Rows.ToList().AsQueryable()).ToList();
                IPagedList<TEntity> page = new TestSupport.Database.PagedList<TEntity>(
                    onlyCount ? [] : all.Skip(pageIndex * pageSize).Take(pageSize), pageIndex, pageSize, all.Count);
                return page;
            });
        Mock.Setup(r => r.DeleteAsync(It.IsAny<IList<TEntity>>(), It.IsAny<bool>()))
            .Callback((IList<TEntity> entities, bool _) => Rows.RemoveAll(row => entities.Contains(row)))
            .Returns(Task.CompletedTask);
        Mock.Setup(r => r.GetByIdAsync(It.IsAny<int?>(), It.IsAny<Func<ICacheKeyService, CacheKey>>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .ReturnsAsync((int? id, Func<ICacheKeyService, CacheKey> _, bool _, bool _) => Rows.SingleOrDefault(row => row.Id == id));
    }

    public void Add(TEntity entity)
    {
        entity.Id = Rows.Count == 0 ? 1 : Rows.Max(row => row.Id) + 1;
        Rows.Add(entity);
    }
}
