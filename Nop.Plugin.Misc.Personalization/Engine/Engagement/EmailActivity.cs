using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Engine.Engagement;

public enum EmailActivityType
{
    Sent = 1,
    Opened = 2,
    Clicked = 3
}

/// <summary>
/// One plugin e-mail sent to a customer, or one open or click of a tracked e-mail by them.
/// </summary>
/// <param name="EmailId">The e-mail the open or click names; 0 for a send (sends are not linked to their e-mail id).</param>
public readonly record struct EmailActivity(int StoreId, int CustomerId, EmailActivityType Type, EmailKind Kind, int EmailId, DateTime TimeUtc);
