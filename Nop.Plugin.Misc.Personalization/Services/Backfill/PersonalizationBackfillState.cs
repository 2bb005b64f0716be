using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Backfill;

/// <summary>
/// Where the purchase backfill stands; installation-wide (store 0). Saved after every page, so a crash resumes there.
/// </summary>
public class PersonalizationBackfillState : ISettings
{
    /// <summary>
    /// Orders up to this id are done.
    /// </summary>
    public int LastOrderId { get; set; }

    /// <summary>
    /// The newest order the run covers, fixed when it starts (0 = not yet); later orders are captured live.
    /// </summary>
    public int UpToOrderId { get; set; }

    public bool Completed { get; set; }

    public int OrdersBackfilled { get; set; }

    public int EventsWritten { get; set; }

    public DateTime? RequestedOnUtc { get; set; }

    public DateTime? CompletedOnUtc { get; set; }
}
