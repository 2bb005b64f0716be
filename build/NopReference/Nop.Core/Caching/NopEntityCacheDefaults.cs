namespace Nop.Core.Caching;

public static partial class NopEntityCacheDefaults<TEntity> where TEntity : BaseEntity
{
    public static string EntityTypeName => typeof(TEntity).Name.ToLowerInvariant();

    public static string Prefix => $"Nop.{EntityTypeName}.";
}
