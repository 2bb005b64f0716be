namespace Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;

/// <summary>
/// What one run did: e-mails queued, due carts left out (no consent, not registered, opted out, nothing showable),
/// carts held back by the shared frequency cap, and failures.
/// </summary>
public sealed class AbandonedCartEmailOutcome
{
    public int Queued { get; set; }

    public int Skipped { get; set; }

    public int Capped { get; set; }

    public int Failed { get; set; }
}
