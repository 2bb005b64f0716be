namespace Nop.Plugin.Misc.Personalization.Engine.Search;

public enum SearchClickTokenCheck
{
    Valid,
    Malformed,
    BadSignature,
    Expired
}
