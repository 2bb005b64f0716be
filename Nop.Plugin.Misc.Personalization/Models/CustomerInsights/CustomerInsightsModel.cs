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

    /// <summary>What the customer did, newest first; recommendation impressions are only counted.</summary>
    public IList<CustomerEventModel> Events { get; set; } = new List<CustomerEventModel>();

    /// <summary>How many times placements showed the customer recommendations (events kept).</summary>
    public int Impressions { get; set; }

    public bool HasData => Profiles.Count > 0 || Predictions.Count > 0 || Events.Count > 0 || Impressions > 0;
}
