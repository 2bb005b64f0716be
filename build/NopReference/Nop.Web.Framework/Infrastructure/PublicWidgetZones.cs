namespace Nop.Web.Framework.Infrastructure;

public static partial class PublicWidgetZones
{
    public static string AccountNavigationAfter => "account_navigation_after";

    public static string ProductSearchPageBasic => "productsearch_page_basic";
}
