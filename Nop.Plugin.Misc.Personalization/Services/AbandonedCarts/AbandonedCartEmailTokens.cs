using System.Globalization;
using System.Net;
using System.Text;

namespace Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;

/// <summary>
/// The abandoned-cart e-mail's own tokens and their markup: a table of the cart's items (picture, name, price, quantity)
/// and the complements under a heading. nopCommerce's tokens (%Store.Name%, %Customer.FullName%, ...) are added by the
/// service with the same names nopCommerce uses.
/// </summary>
public static class AbandonedCartEmailTokens
{
    public const string ITEMS_TOKEN = "Personalization.CartItems";
    public const string COMPLEMENTS_TOKEN = "Personalization.CartComplements";
    public const string RESTORE_URL_TOKEN = "Personalization.RestoreCartUrl";

    public static string Items(IEnumerable<AbandonedCartItem> items)
    {
        var html = new StringBuilder("<table>");
        foreach (var item in items)
        {
            html.Append("<tr><td>");
            if (item.PictureUrl != null)
                html.Append(CultureInfo.InvariantCulture, $"<img src=\"{WebUtility.HtmlEncode(item.PictureUrl)}\" alt=\"\" width=\"{AbandonedCartLinks.PICTURE_SIZE}\" />");
            html.Append("</td><td>").Append(NameOf(item)).Append("</td><td>").Append(WebUtility.HtmlEncode(item.Price ?? string.Empty)).Append("</td>");
            if (item.Quantity > 0)
                html.Append(CultureInfo.InvariantCulture, $"<td>× {item.Quantity}</td>");
            html.Append("</tr>");
        }

        return html.Append("</table>").ToString();
    }

    public static string Complements(string heading, IReadOnlyCollection<AbandonedCartItem> items) =>
        items.Count == 0 ? string.Empty : $"<p>{WebUtility.HtmlEncode(heading)}</p>{Items(items)}";

    private static string NameOf(AbandonedCartItem item)
    {
        var name = WebUtility.HtmlEncode(item.Name);
        return item.Url == null ? name : $"<a href=\"{WebUtility.HtmlEncode(item.Url)}\">{name}</a>";
    }
}
