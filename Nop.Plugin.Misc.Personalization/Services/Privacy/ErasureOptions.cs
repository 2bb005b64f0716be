namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

public sealed record ErasureOptions
{
    /// <summary>Rows deleted per statement, so erasing a long history never holds one long transaction.</summary>
    public int BatchSize { get; init; } = 5_000;

    /// <summary>Customers whose rows the daily sweep deletes per round.</summary>
    public int SweepCustomers { get; init; } = 500;

    /// <summary>How long the daily sweep may run; what is left waits for the next day.</summary>
    public TimeSpan SweepBudget { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often every node reads the erasure log for customers to forget in memory.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Days the erasure log keeps a row: long enough for every node to read it (a node down longer starts with empty
    /// memory anyway) and for the sweep to catch events of the customer written late from a node's queue.
    /// </summary>
    public int LogDays { get; init; } = 3;
}
