namespace Nop.Plugin.Misc.Personalization.Engine.Models;

/// <summary>
/// Week-of-year index per category (1 = an average week); category 0 is the whole store. Empty when the history is
/// shorter than a year, because one season cannot be told apart from a trend.
/// </summary>
public sealed class SeasonalIndex
{
    public const int WEEKS = 53;
    private readonly Dictionary<int, int> _row;

    internal SeasonalIndex(int[] categoryIds, float[] values)
    {
        CategoryIds = categoryIds;
        Values = values;
        _row = new Dictionary<int, int>(categoryIds.Length);
        for (var i = 0; i < categoryIds.Length; i++)
            _row[categoryIds[i]] = i;
    }

    internal int[] CategoryIds { get; }
    internal float[] Values { get; }

    public bool IsAvailable => CategoryIds.Length > 0;

    /// <summary>The index for a category and ISO week (1..53); 1 when unknown.</summary>
    public double IndexOf(int categoryId, int week)
    {
        if (week < 1 || week > WEEKS || !_row.TryGetValue(categoryId, out var row))
            return 1;
        return Values[row * WEEKS + week - 1];
    }

    public static SeasonalIndex Empty { get; } = new(Array.Empty<int>(), Array.Empty<float>());
}
