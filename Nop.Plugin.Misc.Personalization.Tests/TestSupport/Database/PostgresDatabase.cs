using System.Data.Common;
using Npgsql;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// A test database on the PostgreSQL server from <see cref="TestServer.PostgreSql"/>.
/// </summary>
public sealed class PostgresDatabase : TestDatabase
{
    private const int DROP_ATTEMPTS = 6;

    private static readonly TimeSpan _firstDropRetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly string _serverConnectionString;

    private PostgresDatabase(string serverConnectionString, string name)
        : base(name, new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString)
    {
        _serverConnectionString = serverConnectionString;
    }

    public override DatabaseEngine Engine => DatabaseEngine.PostgreSql;

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var serverConnectionString = await TestServer.PostgreSql.RequireConnectionStringAsync(async connectionString => await OpenAsync(connectionString));
        var database = new PostgresDatabase(serverConnectionString, NAME_PREFIX + Guid.NewGuid().ToString("N"));

        await using (var server = await OpenAsync(serverConnectionString))
            await ExecuteAsync(server, $"CREATE DATABASE \"{database.Name}\" ENCODING 'UTF8'");

        // nopCommerce's PostgreSQL provider sends every string parameter as citext and installs the extension.
        await using (var connection = await OpenAsync(database.ConnectionString))
        {
            await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS citext");
            await connection.ReloadTypesAsync();
        }

        return database;
    }

    public override async Task<DbConnection> OpenConnectionAsync() => await OpenAsync(ConnectionString);

    public override string Quote(string identifier) => $"\"{identifier}\"";

    /// <summary>
    /// Drops the database. A test run never fails here: a database that cannot be dropped is left behind for
    /// .ci/postgres.sh, which sweeps leftovers as the superuser before the next run.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));

        var dropped = await DropAsync(async () =>
        {
            await using var server = await OpenAsync(_serverConnectionString);
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        }, Task.Delay);
        if (!dropped)
            await TestContext.Progress.WriteLineAsync($"PostgresDatabase: {Name} was left behind; .ci/postgres.sh drops it before the next run.");
    }
    /// <summary>
    /// Runs the drop, again with a growing pause while the server refuses it for a passing reason; gives up without
    /// throwing.
    /// </summary>
    /// <returns>Whether the database is gone.</returns>
    internal static async Task<bool> DropAsync(Func<Task> drop, Func<TimeSpan, Task> pause)
    {
        var delay = _firstDropRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop();
                return true;
            }
            catch (PostgresException exception) when (IsPassing(exception) && attempt < DROP_ATTEMPTS)
            {
                await pause(delay);
                delay *= 2;
            }
            catch (Exception exception)
            {
                await TestContext.Progress.WriteLineAsync($"PostgresDatabase: drop failed after {attempt} attempt(s): {exception.Message}");
                return false;
            }
        }
    }

    /// <summary>
    /// FORCE may terminate only backends of the roles this one is a member of: an autovacuum worker or another role's
    /// session still in the database refuses it (42501), as does a connection that is still closing (55006).
    /// </summary>
    private static bool IsPassing(PostgresException exception) =>
        exception.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse;

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = CreateCommand(connection, sql, []);
        await command.ExecuteNonQueryAsync();
    }
}
