using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// Whether the last training runs hit the memory guard, for the status card; installation-wide. Saved when that changes
/// and at most daily while it lasts, not every hour: a saved setting clears nopCommerce's settings cache for everyone.
/// </summary>
public class PersonalizationTrainingState : ISettings
{
    /// <summary>When a run last had to leave older events out; null while runs read everything.</summary>
    public DateTime? GuardHitOnUtc { get; set; }

    /// <summary>The run read only events recorded after this instant.</summary>
    public DateTime? ReadFromUtc { get; set; }

    public int EventsRead { get; set; }

    public int GuardMegabytes { get; set; }
}
