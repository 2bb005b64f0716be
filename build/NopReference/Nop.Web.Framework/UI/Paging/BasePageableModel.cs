using Nop.Web.Framework.Models;

namespace Nop.Web.Framework.UI.Paging;

public abstract record BasePageableModel : BaseNopModel, IPageableModel
{
    public int PageIndex => PageNumber > 0 ? PageNumber - 1 : 0;

    public int PageNumber { get; set; }

    public int PageSize { get; set; }

    public int TotalItems { get; set; }

    public int TotalPages { get; set; }

    public int FirstItem { get; set; }

    public int LastItem { get; set; }

    public bool HasPreviousPage { get; set; }

    public bool HasNextPage { get; set; }
}
