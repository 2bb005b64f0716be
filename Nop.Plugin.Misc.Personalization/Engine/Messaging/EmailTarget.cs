namespace Nop.Plugin.Misc.Personalization.Engine.Messaging;

/// <summary>
/// What a tracked e-mail link leads to; signed into the token, so a pixel token never passes as a click and a product
/// link never leads to the cart or to another product.
/// </summary>
public enum EmailTarget
{
    /// <summary>The 1×1 open pixel.</summary>
    Open = 1,

    /// <summary>A product page; the token carries the product id.</summary>
    Product = 2,

    /// <summary>The recipient's shopping cart.</summary>
    Cart = 3
}
