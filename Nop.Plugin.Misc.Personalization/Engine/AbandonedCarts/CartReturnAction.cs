namespace Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;

/// <summary>
/// Where a click on an abandoned-cart e-mail's restore link leads.
/// </summary>
public enum CartReturnAction
{
    /// <summary>Not a genuine link for this store: an error page, nothing logged.</summary>
    Invalid = 0,

    /// <summary>The browser already is the customer the link was signed for: their cart.</summary>
    ShowCart = 1,

    /// <summary>
    /// Another browser (or someone else): the login page, then the cart. The link never signs anyone in, since a
    /// forwarded e-mail must not open the account; nopCommerce moves the visitor's own cart into the account at login.
    /// </summary>
    SignInForCart = 2
}
