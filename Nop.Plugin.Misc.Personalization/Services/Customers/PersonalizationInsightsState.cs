using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Customers;

/// <summary>
/// When customer profiles, segments and predictions were last stored, and what that run found; installation-wide.
/// </summary>
public class PersonalizationInsightsState : ISettings
{
    public DateTime? RefreshedOnUtc { get; set; }

    public DateTime? NextRefreshOnUtc { get; set; }

    public int Profiles { get; set; }

    /// <summary>Replenishment predictions stored by the last run.</summary>
    public int Predictions { get; set; }

    /// <summary>Timed complement predictions stored by the last run.</summary>
    public int Complements { get; set; }

    /// <summary>
    /// One line per store and segment: "store|segment id|name|members|warning" (warning empty when the segment is
    /// large enough), in the order the segments are shown.
    /// </summary>
    public string SegmentSizes { get; set; }

    /// <summary>
    /// The price bands' cut points the last run judged customers by, in the primary currency ("12.5;25;60"), so the
    /// admin and the shopper see a band as a price range.
    /// </summary>
    public string PriceBandBounds { get; set; }

    /// <summary>
    /// Per store, what the predicted lifetime could be fitted on: "store|buyers|repeat buyers|fitted (1/0)" lines, so
    /// the customer block can say why a prediction is missing.
    /// </summary>
    public string LifetimeSupport { get; set; }

    /// <summary>Why the last run did not store anything, or which segments were skipped; empty when all went well.</summary>
    public string Problem { get; set; }

    /// <summary>When customer roles were last synced with their segments (after a successful refresh).</summary>
    public DateTime? RoleSyncedOnUtc { get; set; }

    /// <summary>
    /// What the last role sync did, one line per enabled segment with a role (see <c>RoleSyncOutcome.Format</c>):
    /// "segment id|role id|status|added|removed|left|error"; empty when no segment syncs a role.
    /// </summary>
    public string RoleSync { get; set; }

    /// <summary>Why the last role sync as a whole failed; empty when it ran (a single segment's failure is in <see cref="RoleSync"/>).</summary>
    public string RoleSyncProblem { get; set; }
}
