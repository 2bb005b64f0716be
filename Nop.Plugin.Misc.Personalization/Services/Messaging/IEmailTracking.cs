using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// The one place every plugin e-mail gets its open pixel and tracked links from. It writes no send itself: the send
/// log (<see cref="EmailSendLog"/>) is the one record of sends, for the frequency cap, the profiles and the report.
/// </summary>
public interface IEmailTracking
{
    /// <summary>
    /// Links for one e-mail of <paramref name="kind"/> about to be queued for <paramref name="customerId"/> from
    /// <paramref name="storeId"/>; the caller records the send with <see cref="EmailSendLog.RecordAsync"/> once it is queued.
    /// </summary>
    /// <param name="siteRoot">The store's address the links start with (with the language segment when the store uses one).</param>
    /// <returns>The e-mail's links, or null when the store has no usable tracking key.</returns>
    Task<EmailTrackingLinks> StartAsync(EmailKind kind, int customerId, int storeId, string siteRoot);

    /// <summary>
    /// Links for an e-mail nopCommerce builds during a storefront request (a personal block in one of its own messages):
    /// nothing is written, since the block is filled even for a message whose template does not use it. The send is
    /// recorded when the message is queued (<see cref="RecordQueuedSend"/>).
    /// </summary>
    Task<EmailTrackingLinks> IssueUnrecordedAsync(EmailKind kind, int customerId, int storeId, string siteRoot);

    /// <summary>
    /// A message carrying links from <see cref="IssueUnrecordedAsync"/> was queued: its send goes to the send log through
    /// the buffered writer, naming no customer (the shop's own messages do not count against the plugin's frequency cap).
    /// </summary>
    bool RecordQueuedSend(EmailKind kind, int emailId, int storeId);
}
