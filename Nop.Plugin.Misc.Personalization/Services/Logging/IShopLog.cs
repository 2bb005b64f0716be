namespace Nop.Plugin.Misc.Personalization.Services.Logging;

/// <summary>
/// What the plugin tells the shop owner. Warnings and errors reach nopCommerce's own log (Admin → System → Log) from a
/// background writer, so a caller never waits on the database, not even on a storefront request; information goes to
/// the application's console log only. Messages carry no personal data (no customer ids, e-mails or search text).
/// </summary>
public interface IShopLog
{
    void Information(string message);

    void Warning(string message, Exception exception = null);

    void Error(string message, Exception exception = null);
}
