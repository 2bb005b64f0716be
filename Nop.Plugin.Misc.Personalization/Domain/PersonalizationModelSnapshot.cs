using Nop.Core;

namespace Nop.Plugin.Misc.Personalization.Domain;

/// <summary>
/// A trained engine model for one store, serialised in the engine's binary snapshot format, or one part of it: a large
/// model is stored in several rows so that no single value outgrows a database's packet limit (MySQL's
/// max_allowed_packet). Every web-farm node loads the newest complete version per store and kind.
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

    /// <summary>
    /// Which part of the version's payload the row holds, from 0. Part 0 is written last and marks the version complete.
    /// </summary>
    public int Part { get; set; }

    public int PartCount { get; set; }

    public byte[] Payload { get; set; }
}
