using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.Segments;

/// <summary>
/// The segments card of the configuration page: every segment with its size per store at the last refresh.
/// </summary>
public record SegmentListModel : BaseNopModel
{
    /// <summary>
    /// The card could not be built; the page says so instead of failing.
    /// </summary>
    public bool Unavailable { get; set; }

    public IList<SegmentRowModel> Segments { get; set; } = new List<SegmentRowModel>();

    /// <summary>
    /// When the sizes were counted; null when no refresh has stored any.
    /// </summary>
    public DateTime? RefreshedOnUtc { get; set; }

    public DateTime? NextRefreshOnUtc { get; set; }

    /// <summary>
    /// Names of built-in segments no segment has; what "Restore built-in segments" would add.
    /// </summary>
    public IList<string> MissingBuiltIns { get; set; } = new List<string>();

    /// <summary>When customer roles were last synced; null before the first sync.</summary>
    public DateTime? RoleSyncedOnUtc { get; set; }

    /// <summary>Why the last role sync failed as a whole; null when it ran.</summary>
    public string RoleSyncProblem { get; set; }
}
