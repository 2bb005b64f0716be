using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Measurement;

/// <summary>
/// Whether the impression rows of versions before 0.7.0 have all been turned into counters; installation-wide, written once.
/// </summary>
public class PersonalizationImpressionState : ISettings
{
    public bool LegacyRowsConverted { get; set; }
}
