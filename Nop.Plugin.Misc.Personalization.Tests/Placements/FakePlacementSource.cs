using Nop.Plugin.Misc.Personalization.Services.Placements;

namespace Nop.Plugin.Misc.Personalization.Tests.Placements;

/// <summary>
/// Serves a settable set of placements, can fail the next loads, and can hold a load until released.
/// </summary>
public sealed class FakePlacementSource : IPlacementSource
{
    private int _calls;
    private int _failuresLeft;

    public IReadOnlyList<PlacementDefinition> Placements { get; set; } = [];

    public int Calls => Volatile.Read(ref _calls);

    public TaskCompletionSource Gate { get; set; }

    public void FailNext(int times) => Volatile.Write(ref _failuresLeft, times);

    public async Task<IReadOnlyList<PlacementDefinition>> LoadEnabledAsync()
    {
        Interlocked.Increment(ref _calls);
        //what the table holds when the query runs, even if the load is held afterwards
        var placements = Placements;
        if (Gate is { } gate)
            await gate.Task;

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            throw new InvalidOperationException("relation \"PersonalizationPlacement\" does not exist");

        return placements;
    }
}
