using System.Globalization;

namespace Nop.Plugin.Misc.Personalization.Engine.Models;

/// <summary>
/// Week-of-year index (1 = an average week) per category (category 0 is the whole store) and per product with enough
/// data of its own (shrunk towards its categories). Empty when the history is shorter than a year, because one season
/// cannot be told apart from a trend.
/// </summary>
public sealed class SeasonalIndex
{
    public const int WEEKS = 53;

    /// <summary>A season factor is clamped to this range, so one strong week never zeroes or swamps a score.</summary>
    public const double MIN_FACTOR = 0.2;

    public const double MAX_FACTOR = 5;

    private readonly Dictionary<int, int> _row;
    private readonly Dictionary<int, int> _productRow;

    internal SeasonalIndex(int[] categoryIds, float[] values)
        : this(categoryIds, values, Array.Empty<int>(), Array.Empty<float>(), Array.Empty<float>())
    {
    }

    internal SeasonalIndex(int[] categoryIds, float[] values, int[] productItems, float[] productValues, float[] weeklyMeans)
    {
        WeeklyMeans = weeklyMeans;
        CategoryIds = categoryIds;
        Values = values;
        ProductItems = productItems;
        ProductValues = productValues;
        _row = new Dictionary<int, int>(categoryIds.Length);
        for (var i = 0; i < categoryIds.Length; i++)
            _row[categoryIds[i]] = i;
        _productRow = new Dictionary<int, int>(productItems.Length);
        for (var i = 0; i < productItems.Length; i++)
            _productRow[productItems[i]] = i;
    }

    internal int[] CategoryIds { get; }
    internal float[] Values { get; }

    /// <summary>Catalog indices of the products with a row of their own.</summary>
    internal int[] ProductItems { get; }
    internal float[] ProductValues { get; }

    /// <summary>Per catalog index: the product's weight per week of history (empty in snapshots from before it existed).</summary>
    internal float[] WeeklyMeans { get; }

    /// <summary>The product's (catalog index) usual weight per week; 0 when unknown.</summary>
    public double WeeklyMeanOf(int item) => (uint)item < (uint)WeeklyMeans.Length ? WeeklyMeans[item] : 0;

    public bool IsAvailable => CategoryIds.Length > 0;

    /// <summary>The index for a category and ISO week (1..53); 1 when unknown.</summary>
    public double IndexOf(int categoryId, int week)
    {
        if (week < 1 || week > WEEKS || !_row.TryGetValue(categoryId, out var row))
            return 1;
        return Values[row * WEEKS + week - 1];
    }

    /// <summary>Whether the product (catalog index) has a row of its own rather than its categories'.</summary>
    public bool HasProductRow(int item) => _productRow.ContainsKey(item);

    /// <summary>
    /// The index of a product (catalog index) in an ISO week: its own row when it has one, else the mean of its
    /// categories' rows, else the store's when it has no category; 1 when nothing is known.
    /// </summary>
    public double ProductIndexOf(int item, ReadOnlySpan<int> categories, int week)
    {
        if (week < 1 || week > WEEKS)
            return 1;
        if (_productRow.TryGetValue(item, out var own))
            return ProductValues[own * WEEKS + week - 1];
        if (categories.Length == 0)
            return IndexOf(0, week);
        double sum = 0;
        var known = 0;
        foreach (var category in categories)
        {
            if (!_row.TryGetValue(category, out var row))
                continue;
            sum += Values[row * WEEKS + week - 1];
            known++;
        }
        return known == 0 ? 1 : sum / known;
    }

    /// <summary>
    /// "This season": the product's mean index over the ISO weeks from <paramref name="nowUtc"/> on, <paramref name="weeks"/>
    /// of them, clamped to [<see cref="MIN_FACTOR"/>, <see cref="MAX_FACTOR"/>]; 1 without an index.
    /// </summary>
    public double SeasonOf(int item, ReadOnlySpan<int> categories, DateTime nowUtc, int weeks)
    {
        return IsAvailable ? SeasonOf(item, categories, WeeksFrom(nowUtc, weeks)) : 1;
    }

    /// <summary>The same over ISO weeks already worked out with <see cref="WeeksFrom"/>.</summary>
    public double SeasonOf(int item, ReadOnlySpan<int> categories, ReadOnlySpan<int> isoWeeks)
    {
        if (!IsAvailable || isoWeeks.Length == 0)
            return 1;
        double sum = 0;
        foreach (var week in isoWeeks)
            sum += ProductIndexOf(item, categories, week);
        return Math.Clamp(sum / isoWeeks.Length, MIN_FACTOR, MAX_FACTOR);
    }

    /// <summary>The ISO weeks of <paramref name="nowUtc"/> and the <paramref name="weeks"/> - 1 after it (at least one).</summary>
    public static int[] WeeksFrom(DateTime nowUtc, int weeks)
    {
        var result = new int[Math.Max(1, weeks)];
        for (var k = 0; k < result.Length; k++)
            result[k] = ISOWeek.GetWeekOfYear(nowUtc.AddDays(7 * k));
        return result;
    }

    public static SeasonalIndex Empty { get; } = new(Array.Empty<int>(), Array.Empty<float>());
}
