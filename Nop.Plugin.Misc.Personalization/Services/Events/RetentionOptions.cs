namespace Nop.Plugin.Misc.Personalization.Services.Events;

/// <summary>
/// How retention deletes: in statements of about <see cref="BatchSize"/> rows each (own transaction, short, along the
/// creation-time index), until done or until <see cref="TimeBudget"/> is spent; the next daily run continues.
/// </summary>
public sealed class RetentionOptions
{
    public int BatchSize { get; init; } = 10_000;

    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromMinutes(4);
}
