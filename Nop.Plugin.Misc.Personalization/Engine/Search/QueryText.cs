using System.Globalization;
using System.Text;

namespace Nop.Plugin.Misc.Personalization.Engine.Search;

/// <summary>The form a query is counted under: lower case, accents removed, words separated by one space.</summary>
public static class QueryText
{
    public const int MAX_LENGTH = 100;

    public static string Normalize(string query)
    {
        if (string.IsNullOrWhiteSpace(query))
            return string.Empty;

        var decomposed = query.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
                builder.Append(' ');
            space = false;
            builder.Append(c);
            if (builder.Length >= MAX_LENGTH)
                break;
        }

        return builder.ToString();
    }
}
