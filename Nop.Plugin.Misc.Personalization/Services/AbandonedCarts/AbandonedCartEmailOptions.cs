namespace Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;

/// <summary>
/// Bounds one run of the abandoned-cart task, so a backlog is spread over several runs.
/// </summary>
public sealed class AbandonedCartEmailOptions
{
    public int MaxEmailsPerRun { get; init; } = 500;

    public int MaxComplements { get; init; } = 3;
}
