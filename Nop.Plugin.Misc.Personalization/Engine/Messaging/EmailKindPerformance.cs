namespace Nop.Plugin.Misc.Personalization.Engine.Messaging;

/// <summary>Clicks in one kind of plugin e-mail and the orders (and their revenue) attributed to them.</summary>
public sealed record EmailKindPerformance(int Clicks, int Orders, decimal Revenue);
