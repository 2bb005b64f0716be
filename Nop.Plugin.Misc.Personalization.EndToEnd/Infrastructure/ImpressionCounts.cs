namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

/// <summary>
/// The plugin's impression counters (Personalization_ImpressionCount), summed per placement over every day and counting
/// process. The shop counts renders in memory and flushes them every few seconds, so a check polls.
/// </summary>
public static class ImpressionCounts
{
    public static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(45);

    public static async Task<(long Renders, long ProductsShown)> OfPlacementAsync(ShopDatabase database, int placementId)
    {
        var rows = await database.ListAsync("""
            SELECT COALESCE(SUM("Renders"), 0), COALESCE(SUM("ProductsShown"), 0)
            FROM "Personalization_ImpressionCount" WHERE "PlacementId" = @p
            """, reader => (Convert.ToInt64(reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1))), ("p", placementId));

        return rows.Single();
    }

    /// <summary>
    /// Polls until the placement's counters grew past <paramref name="before"/> by at least one render of
    /// <paramref name="productsShown"/> products.
    /// </summary>
    public static Task<(long Renders, long ProductsShown)> WaitForRenderAsync(ShopDatabase database, int placementId,
        (long Renders, long ProductsShown) before, int productsShown, string what) =>
        Poll.UntilAsync(() => OfPlacementAsync(database, placementId),
            now => now.Renders > before.Renders && now.ProductsShown - before.ProductsShown >= productsShown, FlushTimeout,
            $"{what} counted in Personalization_ImpressionCount for placement {placementId} (before: {before})");
}
