namespace Nop.Core.Caching;

// Plain data, so plugin classes holding static cache keys can be loaded in tests; Create needs the shop.
public partial class CacheKey
{
    public CacheKey(string key)
    {
        Key = key;
    }

    public virtual CacheKey Create(Func<object, object> createCacheKeyParameters, params object[] keyObjects)
    {
        throw new NotSupportedException();
    }

    public string Key { get; protected set; }

    public int CacheTime { get; set; }
}
