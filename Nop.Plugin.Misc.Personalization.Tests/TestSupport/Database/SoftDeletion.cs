using System.Linq.Expressions;
using System.Reflection;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// nopCommerce's soft deletion: entities implementing ISoftDeletedEntity are flagged Deleted instead of removed
/// and hidden from reads asked to exclude deleted rows. Recognised by interface name, as nopCommerce does.
/// </summary>
internal static class SoftDeletion<TEntity>
{
    private const string INTERFACE_NAME = "ISoftDeletedEntity";
    private const string FLAG_NAME = "Deleted";

    private static readonly PropertyInfo _flag =
        typeof(TEntity).GetInterface(INTERFACE_NAME) is null ? null : typeof(TEntity).GetProperty(FLAG_NAME);

    public static bool Applies => _flag is not null;

    public static IQueryable<TEntity> Filter(IQueryable<TEntity> query, bool includeDeleted)
    {
        if (includeDeleted || !Applies)
            return query;

        var entity = Expression.Parameter(typeof(TEntity), "entity");
        var notDeleted = Expression.Lambda<Func<TEntity, bool>>(Expression.Not(Expression.Property(entity, _flag)), entity);

        return query.Where(notDeleted);
    }

    public static void MarkDeleted(TEntity entity) => _flag.SetValue(entity, true);
}
