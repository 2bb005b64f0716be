using Nop.Web.Framework.Models;

namespace Nop.Web.Models.Catalog;

public partial record ProductOverviewModel : BaseNopEntityModel
{
    public string Name { get; set; }

    public string ShortDescription { get; set; }

    public string SeName { get; set; }

    public string Sku { get; set; }
}
