using Microsoft.AspNetCore.Html;

namespace Nop.Web.Framework.UI;

public partial interface INopHtmlHelper
{
    void AddTitleParts(string part);

    void AppendTitleParts(string part);

    Task<IHtmlContent> GenerateTitleAsync(bool addDefaultTitle = true, string part = "");

    void AddMetaDescriptionParts(string part);

    void AppendMetaDescriptionParts(string part);

    Task<IHtmlContent> GenerateMetaDescriptionAsync(string part = "");

    void AddMetaKeywordParts(string part);

    void AppendMetaKeywordParts(string part);

    Task<IHtmlContent> GenerateMetaKeywordsAsync(string part = "");

    void AddScriptParts(ResourceLocation location, string src, string debugSrc = "", bool excludeFromBundle = false);

    void AppendScriptParts(ResourceLocation location, string src, string debugSrc = "", bool excludeFromBundle = false);

    IHtmlContent GenerateScripts(ResourceLocation location);

    void AddInlineScriptParts(ResourceLocation location, string script);

    void AppendInlineScriptParts(ResourceLocation location, string script);

    IHtmlContent GenerateInlineScripts(ResourceLocation location);

    void AddCssFileParts(string src, string debugSrc = "", bool excludeFromBundle = false);

    void AppendCssFileParts(string src, string debugSrc = "", bool excludeFromBundle = false);

    IHtmlContent GenerateCssFiles();

    void AddCanonicalUrlParts(string part, bool withQueryString = false);

    void AppendCanonicalUrlParts(string part);

    IHtmlContent GenerateCanonicalUrls();

    void AddHeadCustomParts(string part);

    void AppendHeadCustomParts(string part);

    IHtmlContent GenerateHeadCustom();

    void AddPageCssClassParts(string part);

    void AppendPageCssClassParts(string part);

    string GeneratePageCssClasses(string part = "");

    void AddEditPageUrl(string url);

    string GetEditPageUrl();

    void SetActiveMenuItemSystemName(string systemName);

    string GetActiveMenuItemSystemName();

    string GetRouteName(bool handleDefaultRoutes = false);

    void AddJsonLdParts(string jsonLd);
}
