using System.Globalization;
using System.Text;

namespace Nop.Plugin.Misc.Personalization.Engine.Profiles;

/// <summary>
/// The compact text form of a profile's top affinities, e.g. "c12:0.83;m3:0.41;p2:0.66",
/// stored in <c>PersonalizationProfile.Affinities</c>. Scores are written with at most <see cref="DECIMALS"/> decimals.
/// </summary>
public static class AffinityText
{
    public const int DECIMALS = 2;

    private const char ENTRY_SEPARATOR = ';';
    private const char SCORE_SEPARATOR = ':';

    public static string Format(IEnumerable<Affinity> affinities)
    {
        ArgumentNullException.ThrowIfNull(affinities);

        var text = new StringBuilder();
        foreach (var affinity in affinities)
        {
            if (text.Length > 0)
                text.Append(ENTRY_SEPARATOR);
            text.Append((char)affinity.Kind)
                .Append(affinity.Id.ToString(CultureInfo.InvariantCulture))
                .Append(SCORE_SEPARATOR)
                .Append(Math.Round(affinity.Score, DECIMALS, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>
    /// Reads the compact form; an empty or null text is an empty list.
    /// </summary>
    /// <exception cref="FormatException">The text is not in the compact form.</exception>
    public static IReadOnlyList<Affinity> Parse(string text)
    {
        if (!TryParse(text, out var affinities, out var error))
            throw new FormatException(error);

        return affinities;
    }

    public static bool TryParse(string text, out IReadOnlyList<Affinity> affinities, out string error)
    {
        var result = new List<Affinity>();
        affinities = result;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;

        var entries = text.Split(ENTRY_SEPARATOR);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i].Trim();
            var colon = entry.IndexOf(SCORE_SEPARATOR);
            if (entry.Length < 4 || colon < 2)
            {
                error = $"Affinity entry {i + 1} ('{entry}') is not of the form <kind><id>:<score>, e.g. c12:0.83.";
                break;
            }

            if (!Enum.IsDefined(typeof(AffinityKind), (byte)entry[0]))
            {
                error = $"Affinity entry {i + 1} ('{entry}') starts with '{entry[0]}'; expected c (category), m (manufacturer), p (price band), s (specification option), t (tag) or v (attribute value).";
                break;
            }

            if (!int.TryParse(entry.AsSpan(1, colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                error = $"Affinity entry {i + 1} ('{entry}') has no valid id after '{entry[0]}'.";
                break;
            }

            if (!double.TryParse(entry.AsSpan(colon + 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var score))
            {
                error = $"Affinity entry {i + 1} ('{entry}') has no valid score after ':'.";
                break;
            }

            result.Add(new Affinity((AffinityKind)(byte)entry[0], id, score));
        }

        if (error == null)
            return true;

        affinities = Array.Empty<Affinity>();
        return false;
    }
}
