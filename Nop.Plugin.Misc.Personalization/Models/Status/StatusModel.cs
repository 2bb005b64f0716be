using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.Status;

/// <summary>
/// The status card: where the backfill stands, which model each store has, what this node captured and holds in memory.
/// Counters of events and memory are this node's since it started; the rest comes from the database.
/// </summary>
public record StatusModel : BaseNopModel
{
    /// <summary>Reading failed (the error is logged); the card says so instead of showing numbers.</summary>
    public bool Unavailable { get; set; }

    public bool BackfillCompleted { get; set; }

    public int OrdersBackfilled { get; set; }

    public int BackfillEventsWritten { get; set; }

    public int BackfillLastOrderId { get; set; }

    public int BackfillUpToOrderId { get; set; }

    public DateTime? BackfillRequestedOnUtc { get; set; }

    public DateTime? BackfillCompletedOnUtc { get; set; }

    public IList<ModelStatusModel> Models { get; set; } = new List<ModelStatusModel>();

    /// <summary>The training profile the shop's recent purchases chose (null before the first training).</summary>
    public string TrainingProfile { get; set; }

    public DateTime? ProfileCheckedOnUtc { get; set; }

    public int ProfileValidationCustomers { get; set; }

    public string ProfileOutcome { get; set; }

    /// <summary>When training last had to leave older events out (null: it reads everything).</summary>
    public DateTime? TrainingGuardHitOnUtc { get; set; }

    public DateTime? TrainingReadFromUtc { get; set; }

    public int TrainingEventsRead { get; set; }

    public int TrainingGuardMegabytes { get; set; }

    public DateTime? InsightsRefreshedOnUtc { get; set; }

    public DateTime? InsightsNextRefreshOnUtc { get; set; }

    public int InsightsProfiles { get; set; }

    public int InsightsPredictions { get; set; }

    public string InsightsProblem { get; set; }

    public IList<SegmentSizeModel> SegmentSizes { get; set; } = new List<SegmentSizeModel>();

    public long EventsAccepted { get; set; }

    public long EventsWritten { get; set; }

    public int EventsBuffered { get; set; }

    public long EventsDropped { get; set; }

    public long FailedWrites { get; set; }

    public long EventsLostOnShutdown { get; set; }

    public long EventsRejected { get; set; }

    public bool CatalogLoaded { get; set; }

    public int CatalogProducts { get; set; }
}
