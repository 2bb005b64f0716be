namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

/// <summary>
/// nopCommerce's own "Log" table (LogLevelId: 10 debug, 20 information, 30 warning, 40 error, 50 fatal). A row is the
/// plugin's when its message starts the plugin's way ("Personalization: ...") or its stack passes through the plugin's
/// namespace; a bare "personalization" is no sign (the shop's work folder may be named so, and paths are in stacks).
/// </summary>
public static class PluginLogRows
{
    /// <summary>
    /// The plugin writes its warnings and errors here (Services/Logging/ShopLog.cs) and warns only when something failed.
    /// </summary>
    public const int WARNING_LEVEL = 30;

    public static Task<List<string>> TroubleAfterAsync(ShopDatabase database, int afterId) =>
        database.ListAsync("""
            SELECT "Id", "LogLevelId", "ShortMessage", LEFT(COALESCE("FullMessage", ''), 1500)
            FROM "Log"
            WHERE "Id" > @after AND "LogLevelId" >= @level
              AND ("ShortMessage" LIKE 'Personalization:%' OR "ShortMessage" LIKE '%Nop.Plugin.Misc.Personalization%'
                   OR "FullMessage" LIKE '%Nop.Plugin.Misc.Personalization%')
            ORDER BY "Id"
            """,
            reader => $"#{reader.GetInt32(0)} level {reader.GetInt32(1)}: {reader.GetString(2)}\n{reader.GetString(3)}",
            ("after", afterId), ("level", WARNING_LEVEL));

    public static Task<int> LastIdAsync(ShopDatabase database) =>
        database.ScalarAsync<int>("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Log\"");
}
