using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.Account;

/// <summary>
/// A product on the "Your personalisation" page, with the plain-words reason it is there.
/// </summary>
public record MyProductModel : BaseNopModel
{
    public int ProductId { get; set; }

    public string Name { get; set; }

    /// <summary>The product page; null when the product has no address.</summary>
    public string Url { get; set; }

    /// <summary>Why it is recommended, or when it is due.</summary>
    public string Why { get; set; }
}
