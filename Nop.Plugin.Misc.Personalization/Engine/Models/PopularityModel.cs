namespace Nop.Plugin.Misc.Personalization.Engine.Models;

/// <summary>
/// Decayed popularity per product, the store's trending list and per-category trending lists (indices, descending).
/// </summary>
public sealed class PopularityModel
{
    private readonly Dictionary<int, int> _categoryRow;

    internal PopularityModel(float[] trending, float[] longTrending, int[] customers, int[] storeTop, int[] categoryIds, int[] categoryOffsets, int[] categoryItems)
    {
        Trending = trending;
        LongTrending = longTrending;
        MaxLongTrending = Max(longTrending);
        Customers = customers;
        StoreTop = storeTop;
        CategoryIds = categoryIds;
        CategoryOffsets = categoryOffsets;
        CategoryItems = categoryItems;
        _categoryRow = new Dictionary<int, int>(categoryIds.Length);
        for (var i = 0; i < categoryIds.Length; i++)
            _categoryRow[categoryIds[i]] = i;
        MaxTrending = Max(trending);
    }

    /// <summary>The largest value, 0 when empty (a loop: cheaper to compile than the vectorised LINQ Max).</summary>
    private static float Max(float[] values)
    {
        if (values.Length == 0)
            return 0;
        var max = values[0];
        foreach (var v in values)
        {
            if (v > max)
                max = v;
        }
        return max;
    }

    internal float[] Trending { get; }

    /// <summary>The same popularity with a long half-life: the baseline momentum compares with.</summary>
    internal float[] LongTrending { get; }

    public float MaxLongTrending { get; }

    /// <summary>Distinct customers who interacted with the product (its support).</summary>
    internal int[] Customers { get; }

    internal int[] StoreTop { get; }
    internal int[] CategoryIds { get; }
    internal int[] CategoryOffsets { get; }
    internal int[] CategoryItems { get; }

    public float MaxTrending { get; }

    public float TrendingOf(int index)
    {
        return Trending[index];
    }

    public float LongTrendingOf(int index)
    {
        return LongTrending[index];
    }

    /// <summary>Short-term over long-term popularity, each relative to its maximum; 1 when unknown.</summary>
    public double MomentumOf(int index)
    {
        var longTerm = LongTrending[index];
        if (longTerm <= 0 || MaxTrending <= 0)
            return 1;
        return (Trending[index] / (double)MaxTrending) / (longTerm / (double)MaxLongTrending);
    }

    public int CustomersOf(int index)
    {
        return Customers[index];
    }

    public ReadOnlySpan<int> TopInStore()
    {
        return StoreTop;
    }

    public ReadOnlySpan<int> TopInCategory(int categoryId)
    {
        if (!_categoryRow.TryGetValue(categoryId, out var row))
            return ReadOnlySpan<int>.Empty;
        return CategoryItems.AsSpan(CategoryOffsets[row], CategoryOffsets[row + 1] - CategoryOffsets[row]);
    }
}
