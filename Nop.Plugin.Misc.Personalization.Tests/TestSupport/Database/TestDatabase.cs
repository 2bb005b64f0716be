using System.Data.Common;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// A fresh database of its own for one test fixture (or test) on one engine's server, dropped on dispose, so runs and
/// fixtures never see each other's tables. Raw SQL in tests quotes identifiers with <see cref="Quote"/>.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    protected const string NAME_PREFIX = "personalization_test_";

    protected TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public abstract DatabaseEngine Engine { get; }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.PostgreSql => await PostgresDatabase.CreateAsync(),
        DatabaseEngine.MySql => await MySqlDatabase.CreateAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, null)
    };

    public abstract Task<DbConnection> OpenConnectionAsync();

    /// <summary>An identifier as this engine's SQL quotes it ("Name" on PostgreSQL, `Name` on MySQL).</summary>
    public abstract string Quote(string identifier);

    public abstract ValueTask DisposeAsync();

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
        await using var command = CreateCommand(connection, sql, []);
        await command.ExecuteNonQueryAsync();
    }

    protected static DbCommand CreateCommand(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
