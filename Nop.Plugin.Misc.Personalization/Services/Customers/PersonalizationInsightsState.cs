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

    public int Predictions { get; set; }

    /// <summary>
    /// One line per store and segment: "store|segment id|name|members|warning" (warning empty when the segment is
    /// large enough), in the order the segments are shown.
    /// </summary>
    public string SegmentSizes { get; set; }

    /// <summary>Why the last run did not store anything, or which segments were skipped; empty when all went well.</summary>
    public string Problem { get; set; }
}
