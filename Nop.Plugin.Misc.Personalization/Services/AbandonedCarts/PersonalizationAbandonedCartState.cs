using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;

/// <summary>
/// The outcome of the latest abandoned-cart run, installation-wide, for the configuration page and the health checklist.
/// </summary>
public class PersonalizationAbandonedCartState : ISettings
{
    public DateTime? LastRunUtc { get; set; }

    public int LastQueued { get; set; }

    public int LastSkipped { get; set; }

    public int LastCapped { get; set; }

    public int LastFailed { get; set; }
}
