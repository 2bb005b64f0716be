using Nop.Core;

namespace Nop.Plugin.Misc.Personalization.Domain;

/// <summary>
/// A trained engine model for one store, serialised in the engine's binary snapshot format.
/// Every web-farm node loads the newest version per store and kind.
/// </summary>
public class PersonalizationModelSnapshot : BaseEntity
{
    public int StoreId { get; set; }

    /// <summary>
    /// What the payload holds (e.g. "recommendations"); lets models evolve separately.
    /// </summary>
    public string Kind { get; set; }

    public int Version { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    public byte[] Payload { get; set; }
}
