using System.Net;
using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// The empty slots a served page leaves for placements loaded after it (Views/Components/Widget.cshtml), read from the
/// HTML as the server sent it, and the URL of the one request that fills them.
/// </summary>
public sealed record AfterPageSlots(IReadOnlyList<(int PlacementId, string Token)> Slots, string Endpoint)
{
    private static readonly Regex _slot = new(
        "<div class=\"personalization-after-page\"[^>]*data-personalization-after-page=\"(?<token>[^\"]+)\"[^>]*data-endpoint=\"(?<endpoint>[^\"]+)\"[^>]*data-personalization-placement-slot=\"(?<placement>\\d+)\"",
        RegexOptions.Compiled);

    public static AfterPageSlots In(string html)
    {
        var matches = _slot.Matches(html);
        return new AfterPageSlots(
            matches.Select(match => (int.Parse(match.Groups["placement"].Value), WebUtility.HtmlDecode(match.Groups["token"].Value))).ToList(),
            matches.Count == 0 ? null : WebUtility.HtmlDecode(matches[0].Groups["endpoint"].Value));
    }

    /// <summary>
    /// The request the page's script sends once it has loaded (relative to the shop).
    /// </summary>
    public string RequestPath => Endpoint.TrimStart('/') + "?" + string.Join("&", Slots.Select(slot => "t=" + Uri.EscapeDataString(slot.Token)));
}
