using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// Whether the send events of versions before the send log became the one record of sends have been moved into it.
/// </summary>
public class PersonalizationEmailSendState : ISettings
{
    public bool LegacySendsConverted { get; set; }
}
