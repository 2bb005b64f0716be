namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

/// <summary>
/// PostgreSQL's counters of reads (sequential and index scans) and inserted rows on each of the plugin's tables. A
/// backend publishes its counters within a second of going idle, so a reading is taken after a short pause.
/// </summary>
public sealed record PluginTableActivity(IReadOnlyDictionary<string, (long Scans, long Inserts)> Tables)
{
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    public long Scans => Tables.Values.Sum(table => table.Scans);

    public long Inserts => Tables.Values.Sum(table => table.Inserts);

    public static async Task<PluginTableActivity> ReadAsync(ShopDatabase database)
    {
        await Task.Delay(Settle);
        var rows = await database.ListAsync(
            "SELECT relname, COALESCE(seq_scan, 0) + COALESCE(idx_scan, 0), n_tup_ins FROM pg_stat_user_tables WHERE relname LIKE 'Personalization%'",
            reader => (Table: reader.GetString(0), Scans: reader.GetInt64(1), Inserts: reader.GetInt64(2)));
        return new PluginTableActivity(rows.ToDictionary(row => row.Table, row => (row.Scans, row.Inserts)));
    }

    /// <summary>
    /// The tables read since the earlier reading, with the number of reads: "Personalization_Event 3, …", or "none".
    /// </summary>
    public string ReadTablesSince(PluginTableActivity before)
    {
        var read = Tables.Select(table => (table.Key, Reads: table.Value.Scans - before.Tables.GetValueOrDefault(table.Key).Scans))
            .Where(table => table.Reads > 0).Select(table => $"{table.Key} {table.Reads}").ToList();
        return read.Count == 0 ? "none" : string.Join(", ", read);
    }

    public static PluginTableActivity operator -(PluginTableActivity after, PluginTableActivity before) =>
        new(after.Tables.ToDictionary(table => table.Key, table => (
            table.Value.Scans - before.Tables.GetValueOrDefault(table.Key).Scans,
            table.Value.Inserts - before.Tables.GetValueOrDefault(table.Key).Inserts)));
}
