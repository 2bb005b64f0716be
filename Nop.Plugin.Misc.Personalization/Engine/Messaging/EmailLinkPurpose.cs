namespace Nop.Plugin.Misc.Personalization.Engine.Messaging;

/// <summary>
/// What a signed e-mail link may do; signed into the token so a link for one purpose never serves another.
/// </summary>
public enum EmailLinkPurpose
{
    /// <summary>No more replenishment reminders from this store.</summary>
    StopReminders = 1,

    /// <summary>Every newsletter subscription of the customer's address in this store ends.</summary>
    NewsletterUnsubscribe = 2,

    /// <summary>Back to the cart an abandoned-cart e-mail showed; signed with that cart's state.</summary>
    RestoreCart = 3
}
