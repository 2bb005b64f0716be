using Nop.Core;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// One page of a query's results with the total count, as nopCommerce's paged list reports it.
/// </summary>
public sealed class PagedList<T> : List<T>, IPagedList<T>
{
    public PagedList(IEnumerable<T> page, int pageIndex, int pageSize, int totalCount) : base(page)
    {
        PageIndex = pageIndex;
        PageSize = Math.Max(pageSize, 1);
        TotalCount = totalCount;
        TotalPages = (int)((TotalCount + (long)PageSize - 1) / PageSize);
    }

    public int PageIndex { get; }

    public int PageSize { get; }

    public int TotalCount { get; }

    public int TotalPages { get; }

    public bool HasPreviousPage => PageIndex > 0;

    public bool HasNextPage => PageIndex + 1 < TotalPages;
}
