using System.Net;
using System.Text;

namespace Nop.Plugin.Misc.Personalization.Services.Replenishment;

/// <summary>
/// The reminder's tokens, named as nopCommerce names them (%Store.Name%, %Customer.FullName%, ...) plus the plugin's
/// product list, replaced the way nopCommerce's tokenizer does: case-insensitively, values HTML-encoded in the body
/// unless they are markup or addresses.
/// </summary>
public sealed class ReplenishmentEmailTokens
{
    public const string PRODUCTS_TOKEN = "Personalization.ReplenishmentProducts";

    /// <summary>
    /// Products bought with the reminded ones, under a heading; empty when the model knows none.
    /// </summary>
    public const string COMPLEMENTS_TOKEN = "Personalization.ReplenishmentComplements";

    /// <summary>
    /// The signed one-click "no more reminders" link; appended to a template that lacks it.
    /// </summary>
    public const string STOP_REMINDERS_TOKEN = "Personalization.StopRemindersUrl";

    private readonly List<(string Key, string Value, bool NeverEncoded)> _tokens = [];

    public IReadOnlyList<(string Key, string Value, bool NeverEncoded)> All => _tokens;

    public ReplenishmentEmailTokens Add(string key, string value, bool neverEncoded = false)
    {
        _tokens.Add((key, value ?? string.Empty, neverEncoded));
        return this;
    }

    public string Replace(string template, bool htmlEncode)
    {
        if (string.IsNullOrEmpty(template))
            return template ?? string.Empty;

        var text = template;
        foreach (var (key, value, neverEncoded) in _tokens)
            text = text.Replace($"%{key}%", htmlEncode && !neverEncoded ? WebUtility.HtmlEncode(value) : value, StringComparison.OrdinalIgnoreCase);

        return text;
    }

    public static bool Mentions(string template, string key) =>
        template?.Contains($"%{key}%", StringComparison.OrdinalIgnoreCase) == true;

    public static string StopRemindersFooter(string linkText) =>
        $"\n<p><a href=\"%{STOP_REMINDERS_TOKEN}%\">{WebUtility.HtmlEncode(linkText)}</a></p>\n";

    /// <summary>
    /// An HTML list of the products, each linked to its page when it has one.
    /// </summary>
    public static string Complements(string heading, IReadOnlyCollection<ReplenishmentProduct> products) =>
        products.Count == 0 ? string.Empty : $"<p>{WebUtility.HtmlEncode(heading)}</p>{ProductList(products)}";

    public static string ProductList(IEnumerable<ReplenishmentProduct> products)
    {
        var html = new StringBuilder("<ul>");
        foreach (var product in products)
        {
            var name = WebUtility.HtmlEncode(product.Name);
            html.Append("<li>");
            html.Append(product.Url == null ? name : $"<a href=\"{WebUtility.HtmlEncode(product.Url)}\">{name}</a>");
            html.Append("</li>");
        }

        return html.Append("</ul>").ToString();
    }
}
