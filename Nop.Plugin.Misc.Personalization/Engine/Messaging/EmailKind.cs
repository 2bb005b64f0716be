namespace Nop.Plugin.Misc.Personalization.Engine.Messaging;

/// <summary>
/// Which plugin e-mail (or personal block in one of the shop's own e-mails) a send, open, click or order belongs to;
/// stored as its number, so numbers are never reused.
/// </summary>
public enum EmailKind
{
    /// <summary>"Time to re-order" reminders of the replenishment task.</summary>
    Replenishment = 1,

    /// <summary>Reminders of a cart left untouched.</summary>
    AbandonedCart = 2,

    /// <summary>The plugin's product blocks in nopCommerce's own message templates and newsletter campaigns.</summary>
    ShopMessage = 3,

    /// <summary>"Back in stock for you": a product that came back, to a customer likely to want it.</summary>
    BackInStock = 4
}
