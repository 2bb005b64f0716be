namespace Nop.Plugin.Misc.Personalization.Engine.Measurement;

/// <summary>
/// Why a click token was accepted or refused. Only for logs and tests: the browser never learns the reason.
/// </summary>
public enum ClickTokenCheck
{
    Valid,
    Malformed,
    BadSignature,
    Expired,
    ProductNotShown
}
