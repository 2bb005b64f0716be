using Npgsql;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

/// <summary>
/// Reads (and, for test data only, writes) the shop's PostgreSQL database. nopCommerce's tables and columns are
/// PascalCase, so every name is quoted.
/// </summary>
public sealed class ShopDatabase
{
    private readonly string _connectionString;

    public ShopDatabase(string connectionString)
    {
        _connectionString = connectionString;
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
    }

    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) =>
        await ScalarAsync<long>(sql, parameters);

    public async Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> map, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
            rows.Add(map(reader));
        return rows;
    }

    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<bool> TableExistsAsync(string table) =>
        await CountAsync("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = @t", ("t", table)) > 0;

    public Task<List<string>> TablesLikeAsync(string pattern) =>
        ListAsync("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE @p ORDER BY table_name",
            reader => reader.GetString(0), ("p", pattern));

    /// <summary>
    /// The customer whose visitor cookie (".Nop.Customer") holds this GUID.
    /// </summary>
    public Task<int> CustomerIdByGuidAsync(Guid customerGuid) =>
        ScalarAsync<int>("SELECT \"Id\" FROM \"Customer\" WHERE \"CustomerGuid\" = @g", ("g", customerGuid));

    public Task<int> CustomerIdByEmailAsync(string email) =>
        ScalarAsync<int>("SELECT \"Id\" FROM \"Customer\" WHERE LOWER(\"Email\") = LOWER(@e) AND NOT \"Deleted\" ORDER BY \"Id\" DESC LIMIT 1", ("e", email));

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 60 };
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
