using Nop.Core;

namespace Nop.Plugin.Misc.Personalization.Domain;

/// <summary>
/// What the plugin has learned about one customer in one store, recomputed by the training task.
/// </summary>
public class PersonalizationProfile : BaseEntity
{
    public int CustomerId { get; set; }

    public int StoreId { get; set; }

    /// <summary>
    /// Comma-separated ids of the segments the customer belongs to.
    /// </summary>
    public string SegmentIds { get; set; }

    public int Recency { get; set; }

    public int Frequency { get; set; }

    public int Monetary { get; set; }

    public int LifecycleStage { get; set; }

    /// <summary>
    /// Top affinities in the engine's compact text form (e.g. "c12:0.83;m3:0.41;p2:0.66").
    /// </summary>
    public string Affinities { get; set; }

    /// <summary>
    /// Distinct orders in the training window.
    /// </summary>
    public int Orders { get; set; }

    public decimal TotalSpent { get; set; }

    public DateTime? LastOrderOnUtc { get; set; }

    /// <summary>
    /// The customer's own rhythm: median days between order days; null with fewer than two order days.
    /// </summary>
    public decimal? MedianGapDays { get; set; }

    /// <summary>Predicted lifetime (BG/NBD): P(still a customer), 0..1; null when the store lacks the history to predict.</summary>
    public decimal? ProbabilityAlive { get; set; }

    /// <summary>Predicted lifetime: expected purchase days in the next 90 days; null like <see cref="ProbabilityAlive"/>.</summary>
    public decimal? ExpectedPurchases90Days { get; set; }

    /// <summary>Plugin e-mails sent to the customer in the last 90 days; null (like the other e-mail columns) without any e-mail activity.</summary>
    public int? EmailsSent90Days { get; set; }

    /// <summary>Distinct e-mails opened or clicked in the last 90 days.</summary>
    public int? EmailsOpened90Days { get; set; }

    /// <summary>Distinct e-mails clicked in the last 90 days.</summary>
    public int? EmailsClicked90Days { get; set; }

    public DateTime? LastEmailOpenOnUtc { get; set; }

    public DateTime? LastEmailClickOnUtc { get; set; }

    /// <summary>Clicked plugin e-mails / sent ones in the last 90 days, 0..1; null when none was sent.</summary>
    public decimal? EmailClickRate { get; set; }

    public DateTime LastComputedOnUtc { get; set; }
}
