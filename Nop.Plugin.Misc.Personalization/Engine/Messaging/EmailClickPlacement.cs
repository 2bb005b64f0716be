using System.Globalization;

namespace Nop.Plugin.Misc.Personalization.Engine.Messaging;

/// <summary>
/// How an e-mail click is stored in the event table: an EmailClick event whose placement names the e-mail's kind
/// ("email:2"), so placement reports never mistake it for a storefront placement.
/// </summary>
public static class EmailClickPlacement
{
    private const string PREFIX = "email:";

    public static string For(EmailKind kind) => PREFIX + ((int)kind).ToString(CultureInfo.InvariantCulture);

    public static EmailKind? Parse(string placement)
    {
        if (placement == null || !placement.StartsWith(PREFIX, StringComparison.Ordinal)
            || !int.TryParse(placement.AsSpan(PREFIX.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return null;

        var kind = (EmailKind)number;
        return Enum.IsDefined(kind) ? kind : null;
    }
}
