namespace Nop.Web.Framework.UI;

public enum ResourceLocation
{
    Auto,
    None,
    Head,
    Footer,
}
