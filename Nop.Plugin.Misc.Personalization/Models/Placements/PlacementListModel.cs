using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.Placements;

/// <summary>
/// The placements card of the configuration page: the placements of the active store scope and an empty add form.
/// </summary>
public record PlacementListModel : BaseNopModel
{
    public int StoreScope { get; set; }

    public IList<PlacementRowModel> Placements { get; set; } = new List<PlacementRowModel>();

    public PlacementModel NewPlacement { get; set; } = new();
}
