using Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;

namespace Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;

/// <summary>What a restore-link click led to, whether the cart changed since the e-mail, and whether the return was logged.</summary>
public sealed record CartReturnOutcome(CartReturnAction Action, bool Stale, bool Logged);
