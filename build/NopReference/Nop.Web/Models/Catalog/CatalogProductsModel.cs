using Nop.Web.Framework.UI.Paging;

namespace Nop.Web.Models.Catalog;

public partial record CatalogProductsModel : BasePageableModel
{
    public IList<ProductOverviewModel> Products { get; set; }
}
