namespace Nop.Plugin.Misc.Personalization.Engine.Tuning;

public sealed record ProfileSelectionOptions
{
    /// <summary>Days at the end of the history that judge the profiles.</summary>
    public double HoldoutDays { get; init; } = 28;

    /// <summary>Fewer customers buying in the hold-out than this keeps the first profile: the difference would be noise.</summary>
    public int MinCustomers { get; init; } = 50;

    /// <summary>At most this many customers are judged (a deterministic sample), bounding the time a comparison takes.</summary>
    public int MaxCustomers { get; init; } = 2000;
}
