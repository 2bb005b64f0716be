namespace Nop.Plugin.Misc.Personalization.Engine.Messaging;

/// <summary>
/// Whom a genuine e-mail link speaks for.
/// </summary>
public sealed record EmailLinkSubject(int CustomerId, int StoreId);
