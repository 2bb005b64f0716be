using System.Net;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// The tracked addresses of one e-mail: its open pixel and its click links to products or the cart, all signed for
/// this e-mail, recipient and store. Built by <see cref="IEmailTracking.StartAsync"/>.
/// </summary>
public sealed class EmailTrackingLinks
{
    private readonly EmailTrackingCodec _codec;
    private readonly string _siteRoot;

    internal EmailTrackingLinks(EmailTrackingCodec codec, string siteRoot, EmailKind kind, int emailId, int customerId, int storeId)
    {
        _codec = codec;
        _siteRoot = (siteRoot ?? string.Empty).TrimEnd('/');
        Kind = kind;
        EmailId = emailId;
        CustomerId = customerId;
        StoreId = storeId;
    }

    public EmailKind Kind { get; }

    public int EmailId { get; }

    public int CustomerId { get; }

    public int StoreId { get; }

    public string PixelUrl => Url(EmailTrackingDefaults.OpenRoutePattern, EmailTarget.Open, 0);

    /// <summary>An &lt;img&gt; tag for the end of an HTML body.</summary>
    public string PixelTag =>
        $"<img src=\"{WebUtility.HtmlEncode(PixelUrl)}\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0;width:1px;height:1px\" />";

    public string ProductUrl(int productId) => Url(EmailTrackingDefaults.ClickRoutePattern, EmailTarget.Product, productId);

    public string CartUrl => Url(EmailTrackingDefaults.ClickRoutePattern, EmailTarget.Cart, 0);

    /// <summary>
    /// The signed "this e-mail, its cart" token on its own, for a link of the plugin's that leads to the cart another way
    /// (the abandoned-cart e-mail's restore link) and records its click for this e-mail.
    /// </summary>
    public string CartToken => _codec.Issue(new EmailTrackingSubject(Kind, EmailId, CustomerId, StoreId, EmailTarget.Cart, 0));

    private string Url(string pattern, EmailTarget target, int targetId) =>
        $"{_siteRoot}/{pattern}?t={_codec.Issue(new EmailTrackingSubject(Kind, EmailId, CustomerId, StoreId, target, targetId))}";
}
