using Nop.Core;

namespace Nop.Plugin.Misc.Personalization.Domain;

/// <summary>
/// A lock shared by every web-farm node: the unique index on <see cref="Name"/> lets only one row, so only one holder,
/// exist per name. The holder extends <see cref="ExpiresOnUtc"/> while it works; a row past it was left by a node that
/// stopped and may be taken over.
/// </summary>
public class PersonalizationLock : BaseEntity
{
    public string Name { get; set; }

    /// <summary>
    /// The node's machine name and a random id of this acquisition, for the shop owner and support; the holder itself
    /// recognises its row by <see cref="BaseEntity.Id"/>.
    /// </summary>
    public string Holder { get; set; }

    public DateTime AcquiredOnUtc { get; set; }

    public DateTime ExpiresOnUtc { get; set; }
}
