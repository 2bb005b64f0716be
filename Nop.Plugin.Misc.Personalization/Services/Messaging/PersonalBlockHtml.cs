using System.Net;
using System.Text;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// A personal block as e-mail-safe HTML: one table, inline styles only, each product a name and a price behind its
/// tracked link, and the e-mail's open pixel. Empty when there is nothing to show, so the token leaves no trace.
/// </summary>
public static class PersonalBlockHtml
{
    public sealed record Line(string Name, string Price, string Url);

    public static string Render(IReadOnlyList<Line> lines, string pixelTag)
    {
        if (lines == null || lines.Count == 0)
            return string.Empty;

        var html = new StringBuilder("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;width:100%;max-width:600px\">");
        foreach (var line in lines)
        {
            html.Append("<tr><td style=\"padding:6px 0;border-bottom:1px solid #e5e5e5\"><a href=\"")
                .Append(WebUtility.HtmlEncode(line.Url))
                .Append("\" style=\"color:#1a5fb4;text-decoration:none\">")
                .Append(WebUtility.HtmlEncode(line.Name))
                .Append("</a></td><td style=\"padding:6px 0 6px 12px;border-bottom:1px solid #e5e5e5;text-align:right;white-space:nowrap\">")
                .Append(WebUtility.HtmlEncode(line.Price ?? string.Empty))
                .Append("</td></tr>");
        }

        return html.Append("</table>").Append(pixelTag ?? string.Empty).ToString();
    }
}
