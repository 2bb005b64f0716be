using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.CustomerInsights;

/// <summary>
/// The customer's profile in one store, as the last training run computed it.
/// </summary>
public record CustomerProfileModel : BaseNopModel
{
    public int StoreId { get; set; }

    public string StoreName { get; set; }

    public LifecycleStage LifecycleStage { get; set; }

    public string Lifecycle { get; set; }

    /// <summary>RFM quintiles 1..5 (5 = most recent, most frequent, highest spend); 0 = no order.</summary>
    public int Recency { get; set; }

    public int Frequency { get; set; }

    public int Monetary { get; set; }

    public int Orders { get; set; }

    public decimal TotalSpent { get; set; }

    public DateTime? LastOrderOnUtc { get; set; }

    /// <summary>The customer's own rhythm: median days between order days.</summary>
    public decimal? MedianGapDays { get; set; }

    /// <summary>Predicted lifetime: P(still a customer); null when the store lacks the history to predict.</summary>
    public decimal? ProbabilityAlive { get; set; }

    /// <summary>Predicted lifetime: expected purchase days in the next 90 days.</summary>
    public decimal? ExpectedPurchases90Days { get; set; }

    /// <summary>The predicted lifetime in words, or why there is none.</summary>
    public string LifetimeText { get; set; }

    /// <summary>Sends, opens, clicks and click rate of the last 90 days in words.</summary>
    public string EmailEngagement { get; set; }

    public DateTime LastComputedOnUtc { get; set; }

    /// <summary>Strongest first, as stored.</summary>
    public IList<CustomerAffinityModel> Affinities { get; set; } = new List<CustomerAffinityModel>();

    public IList<string> Segments { get; set; } = new List<string>();
}
