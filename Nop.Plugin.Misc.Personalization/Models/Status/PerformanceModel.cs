using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.Status;

/// <summary>
/// The placement performance card: one row per placement over the chosen period, one per e-mail kind, and the holdout lift.
/// </summary>
public record PerformanceModel : BaseNopModel
{
    /// <summary>Reading failed (the error is logged); the card says so instead of showing numbers.</summary>
    public bool Unavailable { get; set; }

    public int Days { get; set; }

    public IList<SelectListItem> AvailablePeriods { get; set; } = new List<SelectListItem>();

    public DateTime FromUtc { get; set; }

    public DateTime ToUtc { get; set; }

    public IList<PerformanceRowModel> Rows { get; set; } = new List<PerformanceRowModel>();

    public IList<EmailPerformanceRowModel> Emails { get; set; } = new List<EmailPerformanceRowModel>();

    public LiftModel Lift { get; set; } = new();

    public PerformanceChartModel Chart { get; set; } = new();
}
