namespace Nop.Plugin.Misc.Personalization.Engine.Lifetime;

/// <summary>When a store has enough history for the BG/NBD model, and how far ahead it predicts.</summary>
public sealed record LifetimeOptions
{
    /// <summary>No fit with fewer customers who bought at least once.</summary>
    public int MinCustomers { get; init; } = 200;

    /// <summary>No fit with fewer customers who came back on a later day (the drop-out parameters need them).</summary>
    public int MinRepeatCustomers { get; init; } = 50;

    /// <summary>Horizon of the expected-purchases figure.</summary>
    public int HorizonDays { get; init; } = 90;

    public int MaxIterations { get; init; } = 3000;
}
