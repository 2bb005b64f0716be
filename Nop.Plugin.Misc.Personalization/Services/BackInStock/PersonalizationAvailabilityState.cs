using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.BackInStock;

/// <summary>Up to when products' availability start dates have been looked at; installation-wide.</summary>
public class PersonalizationAvailabilityState : ISettings
{
    public DateTime? ScannedToUtc { get; set; }
}
