namespace Nop.Web.Infrastructure;

public partial class BaseRouteProvider
{
    protected string GetLanguageRoutePattern() => throw new NotSupportedException();
}
