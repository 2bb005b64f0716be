using System.Data.Common;
using MySqlConnector;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// A test database on the MySQL (MariaDB) server from <see cref="TestServer.MySql"/>, connected with the options
/// nopCommerce's installer writes for MySQL (user variables allowed, no XA transactions).
/// </summary>
public sealed class MySqlDatabase : TestDatabase
{
    private readonly string _serverConnectionString;

    private MySqlDatabase(string serverConnectionString, string name)
        : base(name, ShopConnectionString(serverConnectionString, name))
    {
        _serverConnectionString = serverConnectionString;
    }

    public override DatabaseEngine Engine => DatabaseEngine.MySql;

    public static async Task<MySqlDatabase> CreateAsync()
    {
        var serverConnectionString = await TestServer.MySql.RequireConnectionStringAsync(async connectionString => await OpenAsync(connectionString));
        var database = new MySqlDatabase(serverConnectionString, NAME_PREFIX + Guid.NewGuid().ToString("N"));

        //the server's character set (utf8mb4, as Debian configures MariaDB), as nopCommerce creates a database without one set
        await using var server = await OpenAsync(serverConnectionString);
        await using var command = CreateCommand(server, $"CREATE DATABASE `{database.Name}`", []);
        await command.ExecuteNonQueryAsync();

        return database;
    }

    public override async Task<DbConnection> OpenConnectionAsync() => await OpenAsync(ConnectionString);

    public override string Quote(string identifier) => $"`{identifier}`";

    /// <summary>
    /// Drops the database. A test run never fails here: .ci/mariadb.sh sweeps what is left before a later run.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        MySqlConnection.ClearPool(new MySqlConnection(ConnectionString));
        try
        {
            await using var server = await OpenAsync(_serverConnectionString);
            await using var command = CreateCommand(server, $"DROP DATABASE IF EXISTS `{Name}`", []);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception exception)
        {
            await TestContext.Progress.WriteLineAsync($"MySqlDatabase: {Name} was left behind ({exception.Message}); .ci/mariadb.sh drops it later.");
        }
    }

    private static string ShopConnectionString(string serverConnectionString, string database) =>
        new MySqlConnectionStringBuilder(serverConnectionString) { Database = database, AllowUserVariables = true, UseXaTransactions = false }.ConnectionString;

    private static async Task<MySqlConnection> OpenAsync(string connectionString)
    {
        var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
