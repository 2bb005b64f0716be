using Nop.Web.Framework.Models;

namespace Nop.Web.Models.Catalog;

public partial record SearchModel : BaseNopModel
{
    public string q { get; set; }

    public CatalogProductsModel CatalogProductsModel { get; set; }
}
