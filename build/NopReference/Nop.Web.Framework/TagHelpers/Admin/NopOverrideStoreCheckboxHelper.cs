using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nop.Web.Framework.TagHelpers.Admin;

// 4.90 names this tag helper without "Tag" in the class name
[HtmlTargetElement("nop-override-store-checkbox", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public partial class NopOverrideStoreCheckboxHelper : TagHelper
{
    public NopOverrideStoreCheckboxHelper(IHtmlHelper htmlHelper)
    {
        throw new NotSupportedException();
    }

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; }

    [HtmlAttributeName("asp-input")]
    public ModelExpression Input { get; set; }

    [HtmlAttributeName("asp-input2")]
    public ModelExpression Input2 { get; set; }

    [HtmlAttributeName("asp-store-scope")]
    public int StoreScope { get; set; }

    [HtmlAttributeName("asp-parent-container")]
    public string ParentContainer { get; set; }

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; }
}
