using System.Text;

namespace Nop.Plugin.Misc.Personalization.Services.Capture;

/// <summary>
/// Text from the browser made safe to store on every database: no control characters (PostgreSQL rejects NUL), no
/// unpaired surrogates (drivers reject them), trimmed, and cut at a length without splitting a character.
/// </summary>
public static class StoredText
{
    public static string Clean(string text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text) || maxLength <= 0)
            return null;

        var clean = new StringBuilder(Math.Min(text.Length, maxLength));
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    clean.Append(c).Append(text[i + 1]);
                    i++;
                }

                continue;
            }

            if (char.IsLowSurrogate(c))
                continue;

            clean.Append(char.IsControl(c) ? ' ' : c);
        }

        var trimmed = clean.ToString().Trim();
        if (trimmed.Length > maxLength)
            trimmed = trimmed[..(char.IsHighSurrogate(trimmed[maxLength - 1]) ? maxLength - 1 : maxLength)].TrimEnd();

        return trimmed.Length == 0 ? null : trimmed;
    }
}
