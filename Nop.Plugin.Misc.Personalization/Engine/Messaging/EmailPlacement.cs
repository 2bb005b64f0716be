using System.Globalization;

namespace Nop.Plugin.Misc.Personalization.Engine.Messaging;

/// <summary>
/// How an e-mail's events name it in the event table's placement column: a send is <c>email:{kind}</c> (its own row id
/// is the e-mail id), an open or click is <c>email:{kind}:{e-mail id}</c>. Widget placements are plain numbers, so the
/// two can never be confused.
/// </summary>
public static class EmailPlacement
{
    public const string PREFIX = "email:";

    public static string Sent(EmailKind kind) => PREFIX + ((int)kind).ToString(CultureInfo.InvariantCulture);

    public static string Of(EmailKind kind, int emailId) =>
        $"{Sent(kind)}:{emailId.ToString(CultureInfo.InvariantCulture)}";

    /// <returns>The kind, and the e-mail id (0 for a send's own placement); null when the text is not an e-mail placement.</returns>
    public static (EmailKind Kind, int EmailId)? Parse(string placement)
    {
        if (placement == null || !placement.StartsWith(PREFIX, StringComparison.Ordinal))
            return null;

        var parts = placement[PREFIX.Length..].Split(':');
        if (parts.Length is 0 or > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kind)
            || !Enum.IsDefined((EmailKind)kind))
            return null;

        if (parts.Length == 1)
            return ((EmailKind)kind, 0);

        return int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var emailId) && emailId > 0
            ? ((EmailKind)kind, emailId)
            : null;
    }
}
