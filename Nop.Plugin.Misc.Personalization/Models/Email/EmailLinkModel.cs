using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.Personalization.Models.Email;

/// <summary>
/// The small public page behind a one-click e-mail link: a confirmation button first (mail scanners that open links must
/// not opt anybody out), then the outcome.
/// </summary>
public record EmailLinkModel : BaseNopModel
{
    public string Token { get; set; }

    public string Action { get; set; }

    public EmailLinkState State { get; set; }

    public string Title { get; set; }

    public string Message { get; set; }
}
