namespace Nop.Plugin.Misc.Personalization.Services.Replenishment;

/// <summary>
/// Bounds one run of the reminder task, so a backlog is spread over several runs.
/// </summary>
public sealed class ReplenishmentEmailOptions
{
    public int MaxEmailsPerRun { get; init; } = 500;
}
