using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Models;

/// <summary>
/// Which training profile the shop's own purchases chose, and when; installation-wide (store 0).
/// </summary>
public class PersonalizationProfileState : ISettings
{
    public string Profile { get; set; }

    public DateTime? CheckedOnUtc { get; set; }

    /// <summary>When the profiles are compared again: a week after a comparison, a day after too few customers to compare.</summary>
    public DateTime? NextCheckOnUtc { get; set; }

    /// <summary>Customers whose recent purchases judged the profiles.</summary>
    public int ValidationCustomers { get; set; }

    /// <summary>Each profile's score, e.g. "engine-defaults 0.1234; purchase-tuned 0.2345", or why none were compared.</summary>
    public string Outcome { get; set; }
}
