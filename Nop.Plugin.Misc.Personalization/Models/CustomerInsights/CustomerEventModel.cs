using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.CustomerInsights;

/// <summary>
/// One captured interaction of the customer.
/// </summary>
public record CustomerEventModel : BaseNopModel
{
    public string StoreName { get; set; }

    public string Type { get; set; }

    /// <summary>0 for searches.</summary>
    public int ProductId { get; set; }

    public string ProductName { get; set; }

    /// <summary>The search term of a search; null otherwise.</summary>
    public string Query { get; set; }

    public int Quantity { get; set; }

    public DateTime CreatedOnUtc { get; set; }
}
