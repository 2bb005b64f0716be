using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// The one place every plugin e-mail gets its open pixel and tracked links from: records the send (so sent, opened
/// and clicked rates can be computed per kind) and returns the links signed for that e-mail.
/// </summary>
public interface IEmailTracking
{
    /// <summary>
    /// Records one e-mail of <paramref name="kind"/> about to be queued for <paramref name="customerId"/> from
    /// <paramref name="storeId"/>. Call from background work (it writes a row).
    /// </summary>
    /// <param name="siteRoot">The store's address the links start with (with the language segment when the store uses one).</param>
    /// <returns>The e-mail's links, or null when the store has no usable tracking key (nothing recorded then).</returns>
    Task<EmailTrackingLinks> StartAsync(EmailKind kind, int customerId, int storeId, string siteRoot);

    /// <summary>
    /// The e-mail could not be queued after all: its send no longer counts.
    /// </summary>
    Task ForgetAsync(EmailTrackingLinks links);

    /// <summary>
    /// Links for an e-mail nopCommerce builds during a storefront request (a personal block in one of its own messages):
    /// the e-mail id is drawn at random and nothing is written, since the block is filled even for a message whose
    /// template does not use it. The send is recorded when the message is queued (<see cref="RecordQueuedSend"/>).
    /// </summary>
    Task<EmailTrackingLinks> IssueUnrecordedAsync(EmailKind kind, int customerId, int storeId, string siteRoot);

    /// <summary>
    /// A message carrying links from <see cref="IssueUnrecordedAsync"/> was queued: its send goes through the buffered writer.
    /// </summary>
    bool RecordQueuedSend(EmailKind kind, int emailId, int storeId);
}
