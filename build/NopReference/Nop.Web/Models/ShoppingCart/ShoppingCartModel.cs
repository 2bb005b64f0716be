using Nop.Web.Framework.Models;

namespace Nop.Web.Models.ShoppingCart;

public partial record ShoppingCartModel : BaseNopModel
{
    public IList<ShoppingCartItemModel> Items { get; set; }

    public partial record ShoppingCartItemModel : BaseNopEntityModel
    {
        public int ProductId { get; set; }
    }
}
