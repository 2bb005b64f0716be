namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

public sealed record SegmentRow(int Id, string Name, bool Enabled);

public sealed record ProfileRow(int CustomerId, int StoreId, IReadOnlyList<int> SegmentIds, DateTime LastComputedOnUtc);

/// <summary>
/// The plugin's customer insights as stored: Personalization_Profile (one row per customer and store, with the ids of
/// the segments they are in, comma-separated) and Personalization_Segment.
/// </summary>
public static class ShopProfiles
{
    public static Task<List<SegmentRow>> SegmentsAsync(ShopDatabase database) =>
        database.ListAsync("SELECT \"Id\", \"Name\", \"Enabled\" FROM \"Personalization_Segment\" ORDER BY \"DisplayOrder\", \"Id\"",
            reader => new SegmentRow(reader.GetInt32(0), reader.GetString(1), reader.GetBoolean(2)));

    public static Task<List<ProfileRow>> AllAsync(ShopDatabase database) =>
        database.ListAsync("SELECT \"CustomerId\", \"StoreId\", \"SegmentIds\", \"LastComputedOnUtc\" FROM \"Personalization_Profile\" ORDER BY \"Id\"", Map);

    public static async Task<ProfileRow> OfCustomerAsync(ShopDatabase database, int customerId, int storeId) =>
        (await database.ListAsync("SELECT \"CustomerId\", \"StoreId\", \"SegmentIds\", \"LastComputedOnUtc\" FROM \"Personalization_Profile\" WHERE \"CustomerId\" = @c AND \"StoreId\" = @s",
            Map, ("c", customerId), ("s", storeId))).FirstOrDefault();

    /// <summary>
    /// Members of a segment per store, counted the way the task brief defines it: profiles whose SegmentIds hold the id.
    /// </summary>
    public static async Task<Dictionary<int, long>> MembersPerStoreAsync(ShopDatabase database, int segmentId) =>
        (await database.ListAsync("""
            SELECT "StoreId", COUNT(*) FROM "Personalization_Profile"
            WHERE (',' || COALESCE("SegmentIds", '') || ',') LIKE ('%,' || @id || ',%')
            GROUP BY "StoreId"
            """, reader => (Store: reader.GetInt32(0), Count: reader.GetInt64(1)), ("id", segmentId.ToString())))
        .ToDictionary(row => row.Store, row => row.Count);

    public static IReadOnlyList<int> ParseIds(string ids) =>
        string.IsNullOrWhiteSpace(ids) ? [] : ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();

    private static ProfileRow Map(Npgsql.NpgsqlDataReader reader) =>
        new(reader.GetInt32(0), reader.GetInt32(1), ParseIds(reader.IsDBNull(2) ? null : reader.GetString(2)), reader.GetDateTime(3));
}
