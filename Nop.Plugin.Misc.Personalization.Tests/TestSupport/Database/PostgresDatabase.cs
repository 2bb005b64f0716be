using Npgsql;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// A fresh database of its own for one test fixture (or test), created on the server from
/// <see cref="PostgresServer"/> and dropped on dispose, so runs and fixtures never see each other's tables.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private const string NAME_PREFIX = "personalization_test_";

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

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));

        await using var server = await OpenAsync(_serverConnectionString);
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

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
