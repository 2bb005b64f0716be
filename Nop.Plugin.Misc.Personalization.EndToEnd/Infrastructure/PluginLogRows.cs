namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

/// <summary>
/// nopCommerce's own "Log" table (LogLevelId: 10 debug, 20 information, 30 warning, 40 error, 50 fatal).
/// </summary>
public static class PluginLogRows
{
    public const int ERROR_LEVEL = 40;

    public static Task<List<string>> ErrorsAfterAsync(ShopDatabase database, int afterId) =>
        database.ListAsync("""
            SELECT "Id", "LogLevelId", "ShortMessage", LEFT(COALESCE("FullMessage", ''), 1500)
            FROM "Log"
            WHERE "Id" > @after AND "LogLevelId" >= @level
              AND ("ShortMessage" ILIKE '%Personalization%' OR "FullMessage" ILIKE '%Personalization%')
            ORDER BY "Id"
            """,
            reader => $"#{reader.GetInt32(0)} level {reader.GetInt32(1)}: {reader.GetString(2)}\n{reader.GetString(3)}",
            ("after", afterId), ("level", ERROR_LEVEL));

    public static Task<int> LastIdAsync(ShopDatabase database) =>
        database.ScalarAsync<int>("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Log\"");
}
