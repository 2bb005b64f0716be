using Microsoft.AspNetCore.Mvc;
using Nop.Web.Framework.Controllers;

namespace Nop.Web.Controllers;

public abstract partial class BasePublicController : BaseController
{
    protected virtual IActionResult InvokeHttp404() => throw null;
}
