namespace Nop.Plugin.Misc.Personalization.Engine.Interactions;

/// <summary>
/// What a shopper did. Stored as a byte in the event table, so values never change meaning.
/// </summary>
public enum InteractionType : byte
{
    View = 1,
    Search = 2,
    AddToCart = 3,
    RemoveFromCart = 4,
    Wishlist = 5,
    Purchase = 6,
    RecommendationImpression = 7,
    RecommendationClick = 8,
    EmailOpen = 9,
    EmailClick = 10,

    /// <summary>The shop sent the customer one of the plugin's e-mails (not a shopper action; never trained on).</summary>
    EmailSent = 11,

    /// <summary>A click on a search result; the event carries the query the server signed into the page.</summary>
    SearchClick = 12
}
