namespace Nop.Plugin.Misc.Personalization.Controllers;

/// <summary>
/// The outcomes of the shopper's controls on "Your personalisation", as the locale resources that tell them.
/// </summary>
public static class AccountResult
{
    private const string PREFIX = "Plugins.Misc.Personalization.Account.Result.";

    public const string ERASED = PREFIX + "Erased";
    public const string ERASE_NOT_CONFIRMED = PREFIX + "EraseNotConfirmed";
    public const string ERASE_FAILED = PREFIX + "EraseFailed";
    public const string DOWNLOAD_FAILED = PREFIX + "DownloadFailed";
    public const string SWITCHED_OFF = PREFIX + "SwitchedOff";
    public const string SWITCHED_ON = PREFIX + "SwitchedOn";

    public static IReadOnlyList<string> All { get; } = [ERASED, ERASE_NOT_CONFIRMED, ERASE_FAILED, DOWNLOAD_FAILED, SWITCHED_OFF, SWITCHED_ON];
}
