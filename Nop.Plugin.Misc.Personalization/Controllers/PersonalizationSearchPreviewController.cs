using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.Personalization.Services.Search;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.Personalization.Controllers;

/// <summary>
/// The configuration page's search preview (Admin/PersonalizationSearchPreview/Preview): JSON for its script; a mistake
/// in the form comes back as a message, never as an error page.
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class PersonalizationSearchPreviewController : BasePluginController
{
    private readonly SearchPreview _preview;

    public PersonalizationSearchPreviewController(SearchPreview preview)
    {
        _preview = preview;
    }

    [HttpGet]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Preview(string words, string customer) => Json(await _preview.PrepareAsync(words, customer));
}
