using Nop.Web.Framework.Models;

namespace Nop.Web.Models.Customer;

public partial record CustomerNavigationModel : BaseNopModel
{
    public int SelectedTab { get; set; }
}
