using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.Status;

/// <summary>
/// A store's newest trained model in the database, and the version this node serves.
/// </summary>
public record ModelStatusModel : BaseNopModel
{
    public int StoreId { get; set; }

    public int Version { get; set; }

    public DateTime TrainedOnUtc { get; set; }

    /// <summary>0 = this node has no model loaded for the store.</summary>
    public int LoadedVersion { get; set; }

    public bool IsLoaded => LoadedVersion == Version;
}
