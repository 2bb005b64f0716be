namespace Nop.Plugin.Misc.Personalization.Engine.Synthetic;

public sealed record SyntheticFunnelOptions
{
    public int Products { get; init; } = 100_000;
    public int ProductsPerCategory { get; init; } = 50;
    public int Customers { get; init; } = 200_000;
    public long Events { get; init; } = 3_000_000;
    public int Seed { get; init; } = 42;
    public int StoreId { get; init; } = 1;
    public DateTime Start { get; init; } = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public DateTime End { get; init; } = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Seasonal categories (none by default, so the events stay those of a shop without seasons).</summary>
    public IReadOnlyList<SyntheticSeason> Seasons { get; init; } = Array.Empty<SyntheticSeason>();
}
