namespace Nop.Plugin.Misc.Personalization.Engine.Messaging;

/// <summary>
/// Whom a genuine e-mail link speaks for, and the state it vouches for (version 2 tokens; null otherwise).
/// </summary>
public sealed record EmailLinkSubject(int CustomerId, int StoreId)
{
    public byte[] State { get; init; }
}
