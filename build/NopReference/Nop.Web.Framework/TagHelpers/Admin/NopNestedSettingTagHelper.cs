using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nop.Web.Framework.TagHelpers.Admin;

[HtmlTargetElement("nop-nested-setting", Attributes = "asp-for")]
public partial class NopNestedSettingTagHelper : TagHelper
{
    public NopNestedSettingTagHelper(IHtmlGenerator generator)
    {
        throw new NotSupportedException();
    }

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; }

    [HtmlAttributeName("is-condition-invert")]
    public bool IsConditionInvert { get; set; }

    [HtmlAttributeName("disable-auto-generation")]
    public bool DisableAutoGeneration { get; set; }

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; }
}
