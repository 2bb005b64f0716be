namespace Nop.Plugin.Misc.Personalization.Services.Replenishment;

/// <summary>
/// What one run did: e-mails queued, candidates left out (no consent, not registered, no e-mail) and failures.
/// </summary>
public sealed class ReplenishmentEmailOutcome
{
    public int Queued { get; set; }

    public int Skipped { get; set; }

    public int Failed { get; set; }
}
