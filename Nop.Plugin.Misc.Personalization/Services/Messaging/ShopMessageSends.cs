using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// Finds the open pixel of a personal block in a queued message's body and records that message's send, once, for the
/// e-mail id the pixel was signed with. The plugin's own e-mails record their sends themselves and are skipped.
/// </summary>
public class ShopMessageSends
{
    private static readonly string _pixelPath = "/" + EmailTrackingDefaults.OpenRoutePattern + "?t=";

    private readonly EmailEngagement _engagement;
    private readonly IEmailTracking _emailTracking;
    private readonly IShopLog _log;

    public ShopMessageSends(EmailEngagement engagement, IEmailTracking emailTracking, IShopLog log)
    {
        _engagement = engagement;
        _emailTracking = emailTracking;
        _log = log;
    }

    /// <returns>Whether a send was recorded.</returns>
    public virtual async Task<bool> RecordAsync(string body)
    {
        try
        {
            var start = body?.IndexOf(_pixelPath, StringComparison.Ordinal) ?? -1;
            if (start < 0)
                return false;

            start += _pixelPath.Length;
            var end = start;
            while (end < body.Length && (char.IsAsciiLetterOrDigit(body[end]) || body[end] is '-' or '_'))
                end++;

            var token = body[start..end];
            if (EmailTrackingCodec.ClaimedStoreId(token) is not { } storeId)
                return false;

            var subject = await _engagement.CheckAsync(token, storeId);
            return subject is { Kind: EmailKind.ShopMessage, Target: EmailTarget.Open }
                && _emailTracking.RecordQueuedSend(subject.Kind, subject.EmailId, subject.StoreId);
        }
        catch (Exception exception)
        {
            _log.Warning("the send of a shop message could not be recorded.", exception);
            return false;
        }
    }
}
