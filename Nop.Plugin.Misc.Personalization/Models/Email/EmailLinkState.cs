namespace Nop.Plugin.Misc.Personalization.Models.Email;

public enum EmailLinkState
{
    Confirm,
    Done,
    Invalid
}
