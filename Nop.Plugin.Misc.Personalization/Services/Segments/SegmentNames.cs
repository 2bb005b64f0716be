namespace Nop.Plugin.Misc.Personalization.Services.Segments;

/// <summary>
/// How segment names are compared: trimmed and case-insensitive, so "At risk" and "at risk " are the same segment to the admin.
/// </summary>
public static class SegmentNames
{
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    public static string Normalize(string name) => name?.Trim() ?? string.Empty;

    public static bool Same(string left, string right) => Comparer.Equals(Normalize(left), Normalize(right));
}
