using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.Widgets;

public record WidgetModel : BaseNopModel
{
    public IList<PlacementBlockModel> Blocks { get; set; } = new List<PlacementBlockModel>();
}
