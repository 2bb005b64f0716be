using System.Globalization;
using System.Text;

namespace Nop.Plugin.Misc.Personalization.Services.Customers;

/// <summary>
/// The stored form of a profile's segments (<see cref="Domain.PersonalizationProfile.SegmentIds"/>): "3,7,12".
/// </summary>
public static class ProfileSegmentIds
{
    /// <summary>The column's length (<see cref="Migrations.SchemaMigration"/>).</summary>
    public const int MAX_LENGTH = 500;

    /// <summary>The ids as stored, null when there are none; with more than the column holds, the first that fit.</summary>
    public static string Format(IReadOnlyList<int> segmentIds)
    {
        var text = new StringBuilder();
        foreach (var id in segmentIds)
        {
            var next = id.ToString(CultureInfo.InvariantCulture);
            if (text.Length + next.Length + 1 > MAX_LENGTH)
                break;
            if (text.Length > 0)
                text.Append(',');
            text.Append(next);
        }

        return text.Length == 0 ? null : text.ToString();
    }

    /// <summary>The distinct positive ids in stored order; anything that is not an id is skipped.</summary>
    public static int[] Parse(string segmentIds)
    {
        if (string.IsNullOrWhiteSpace(segmentIds))
            return [];

        var ids = new List<int>();
        foreach (var part in segmentIds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 && !ids.Contains(id))
                ids.Add(id);
        }

        return ids.Count == 0 ? [] : ids.ToArray();
    }
}
