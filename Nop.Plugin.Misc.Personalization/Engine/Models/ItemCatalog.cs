namespace Nop.Plugin.Misc.Personalization.Engine.Models;

/// <summary>
/// The products a snapshot knows, by dense index (ascending product id), with the catalog facts cold start needs.
/// </summary>
public sealed class ItemCatalog
{
    internal const byte PUBLISHED = 1;
    internal const byte IN_STOCK = 2;
    internal const byte HAS_FACTS = 4;

    // product ids are usually dense (database identities): then a direct table, otherwise a dictionary
    private readonly int[] _denseIndex;
    private readonly Dictionary<int, int> _indexByProduct;

    internal ItemCatalog(int[] productIds, int[] categoryOffsets, int[] categoryIds, int[] manufacturerIds, float[] prices, byte[] flags)
    {
        ProductIds = productIds;
        CategoryOffsets = categoryOffsets;
        CategoryIds = categoryIds;
        ManufacturerIds = manufacturerIds;
        Prices = prices;
        Flags = flags;
        var min = 0;
        var max = 0;
        foreach (var id in productIds)
        {
            min = Math.Min(min, id);
            max = Math.Max(max, id);
        }
        if (min >= 0 && max <= 4L * productIds.Length + 1024)
        {
            _denseIndex = new int[max + 1];
            Array.Fill(_denseIndex, -1);
            for (var i = 0; i < productIds.Length; i++)
                _denseIndex[productIds[i]] = i;
        }
        else
        {
            _indexByProduct = new Dictionary<int, int>(productIds.Length);
            for (var i = 0; i < productIds.Length; i++)
                _indexByProduct[productIds[i]] = i;
        }
    }

    internal int[] ProductIds { get; }
    internal int[] CategoryOffsets { get; }
    internal int[] CategoryIds { get; }
    internal int[] ManufacturerIds { get; }
    internal float[] Prices { get; }
    internal byte[] Flags { get; }

    public int Count => ProductIds.Length;

    public int ProductIdAt(int index)
    {
        return ProductIds[index];
    }

    /// <summary>Dense index of a product, or -1 when the snapshot does not know it.</summary>
    public int IndexOf(int productId)
    {
        if (_denseIndex != null)
            return (uint)productId < (uint)_denseIndex.Length ? _denseIndex[productId] : -1;
        return _indexByProduct.TryGetValue(productId, out var index) ? index : -1;
    }

    public ReadOnlySpan<int> CategoriesOf(int index)
    {
        return CategoryIds.AsSpan(CategoryOffsets[index], CategoryOffsets[index + 1] - CategoryOffsets[index]);
    }

    public int ManufacturerOf(int index)
    {
        return ManufacturerIds[index];
    }

    public float PriceOf(int index)
    {
        return Prices[index];
    }

    /// <summary>Unknown facts count as available: the glue filters what it cannot show.</summary>
    public bool IsAvailable(int index)
    {
        var flags = Flags[index];
        return (flags & HAS_FACTS) == 0 || (flags & (PUBLISHED | IN_STOCK)) == (PUBLISHED | IN_STOCK);
    }

    /// <summary>Log-scale price band (each band about 1.5x the previous); -1 when the price is unknown.</summary>
    public int PriceBandOf(int index)
    {
        var price = Prices[index];
        return price > 0 ? (int)Math.Floor(Math.Log(price) / Math.Log(1.5)) : -1;
    }
}
