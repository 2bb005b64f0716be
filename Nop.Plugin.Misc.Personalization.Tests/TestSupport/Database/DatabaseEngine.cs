namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// The database servers the database tests run on. nopCommerce's third, SQL Server, is not available here: the DDL the
/// plugin's migrations generate for it is checked instead (Data/Portability).
/// </summary>
public enum DatabaseEngine
{
    PostgreSql,

    /// <summary>MySQL as Debian ships it: MariaDB, through nopCommerce's MySQL provider.</summary>
    MySql
}

/// <summary>
/// Fixture source that runs a database fixture once per engine: its constructor takes a <see cref="DatabaseEngine"/>.
/// </summary>
public static class DatabaseEngines
{
    public static IEnumerable<TestFixtureData> All =>
    [
        new TestFixtureData(DatabaseEngine.PostgreSql),
        new TestFixtureData(DatabaseEngine.MySql)
    ];
}
