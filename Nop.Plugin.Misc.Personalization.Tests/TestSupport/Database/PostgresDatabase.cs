using Npgsql;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// A fresh database of its own for one test fixture (or test), created on the server from
/// <see cref="PostgresServer"/> and dropped on dispose, so runs and fixtures never see each other's tables.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private const string NAME_PREFIX = "personalization_test_";
    private const int DROP_ATTEMPTS = 6;

    private static readonly TimeSpan _firstDropRetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly string _serverConnectionString;

    private PostgresDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var serverConnectionString = await PostgresServer.RequireConnectionStringAsync();
        var database = new PostgresDatabase(serverConnectionString, NAME_PREFIX + Guid.NewGuid().ToString("N"));

        await using (var server = await OpenAsync(serverConnectionString))
            await ExecuteAsync(server, $"CREATE DATABASE \"{database.Name}\" ENCODING 'UTF8'");

        // nopCommerce's PostgreSQL provider sends every string parameter as citext and installs the extension.
        await using (var connection = await database.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS citext");
            await connection.ReloadTypesAsync();
        }

        return database;
    }

    public Task<NpgsqlConnection> OpenConnectionAsync() => OpenAsync(ConnectionString);

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = CreateCommand(connection, sql, parameters);
        var result = await command.ExecuteScalarAsync();

        return result is null or DBNull ? default : (T)Convert.ChangeType(result, typeof(T));
    }

    public async Task<IList<string>> StringsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = CreateCommand(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();

        var values = new List<string>();
        while (await reader.ReadAsync())
            values.Add(reader.GetString(0));

        return values;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenConnectionAsync();
        await ExecuteAsync(connection, sql);
    }

    /// <summary>
    /// Drops the database. A test run never fails here: a database that cannot be dropped is left behind for
    /// .ci/postgres.sh, which sweeps leftovers as the superuser before the next run.
    /// </summary>
    public async ValueTask DisposeAsync()
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

    private static NpgsqlCommand CreateCommand(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);

        return command;
    }
}
