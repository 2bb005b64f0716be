using LinqToDB.Data;
using LinqToDB.DataProvider;
using LinqToDB.DataProvider.MySql;
using LinqToDB.Internal.DataProvider.PostgreSQL;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// linq2db's provider for an engine, configured as nopCommerce 4.90.6 configures it, so the plugin's queries meet the
/// same SQL in the tests as in a shop.
/// </summary>
public static class ShopDataProviders
{
    /// <summary>
    /// PostgreSQL: <see cref="ShopPostgreSqlDataProvider"/>. MySQL: nopCommerce asks linq2db for its MySQL provider
    /// without a version, which gives the MySQL 5.7 dialect (also on MariaDB), over MySqlConnector.
    /// </summary>
    public static IDataProvider For(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.PostgreSql => new ShopPostgreSqlDataProvider(),
        DatabaseEngine.MySql => MySqlTools.GetDataProvider(MySqlVersion.MySql57, MySqlProvider.MySqlConnector),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, null)
    };

    /// <summary>
    /// Whether list inserts reserve ids from the table's sequence (PostgreSQL) rather than counting on from the
    /// largest id (MySQL), as nopCommerce's providers do.
    /// </summary>
    public static bool ReservesIdsFromSequence(DataConnection connection) => connection.DataProvider is PostgreSQLDataProvider;

    /// <summary>
    /// A connection string to a server that does not exist: nothing listens on port 1, so every query fails the way
    /// a database that is down does.
    /// </summary>
    public static string Unreachable(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.PostgreSql => "Host=127.0.0.1;Port=1;Username=none;Password=none;Database=none;Timeout=2",
        DatabaseEngine.MySql => "Server=127.0.0.1;Port=1;User ID=none;Password=none;Database=none;Connection Timeout=2",
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, null)
    };
}
