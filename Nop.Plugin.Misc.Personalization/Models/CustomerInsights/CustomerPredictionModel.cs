using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.CustomerInsights;

/// <summary>
/// A product the plugin expects the customer to need (replenishment) or to add next (complement).
/// </summary>
public record CustomerPredictionModel : BaseNopModel
{
    public int StoreId { get; set; }

    public string StoreName { get; set; }

    public int ProductId { get; set; }

    public string ProductName { get; set; }

    public string Kind { get; set; }

    public DateTime DueOnUtc { get; set; }

    public decimal Score { get; set; }

    public DateTime? EmailedOnUtc { get; set; }

    /// <summary>Complement: the purchase it follows, e.g. "after Tent, bought on 2026-05-02; usually within 21 days"; null otherwise.</summary>
    public string Basis { get; set; }

    public bool IsComplement { get; set; }

    public int AnchorProductId { get; set; }

    public DateTime? AnchorOnUtc { get; set; }
}
