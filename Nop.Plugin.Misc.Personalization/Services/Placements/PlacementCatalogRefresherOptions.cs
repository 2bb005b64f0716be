namespace Nop.Plugin.Misc.Personalization.Services.Placements;

public sealed record PlacementCatalogRefresherOptions
{
    /// <summary>
    /// Reload this often even without a signal, so changes made on another web-farm node arrive here.
    /// </summary>
    public TimeSpan ReloadInterval { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(2);
}
