using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.CustomerInsights;

/// <summary>
/// What the plugin knows about one customer: the block on the admin customer page.
/// </summary>
public record CustomerInsightsModel : BaseNopModel
{
    public int CustomerId { get; set; }

    /// <summary>Reading failed (the error is logged); the block says so instead of showing data.</summary>
    public bool LoadFailed { get; set; }

    /// <summary>The shop has several stores, so rows name theirs.</summary>
    public bool ShowStores { get; set; }

    /// <summary>One per store the customer was active in.</summary>
    public IList<CustomerProfileModel> Profiles { get; set; } = new List<CustomerProfileModel>();

    /// <summary>Soonest due first.</summary>
    public IList<CustomerPredictionModel> Predictions { get; set; } = new List<CustomerPredictionModel>();

    /// <summary>What the customer did, newest first (impressions are counted per placement, not per customer).</summary>
    public IList<CustomerEventModel> Events { get; set; } = new List<CustomerEventModel>();

    public bool HasData => Profiles.Count > 0 || Predictions.Count > 0 || Events.Count > 0;
}
