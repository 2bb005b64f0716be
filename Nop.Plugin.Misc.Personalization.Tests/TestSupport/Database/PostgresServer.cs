using Npgsql;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// Finds the PostgreSQL server the database tests run against. In CI a missing or unreachable server fails the
/// tests; on a developer machine it skips them with the command that starts one.
/// </summary>
public static class PostgresServer
{
    public const string CONNECTION_VARIABLE = "PERSONALIZATION_TEST_POSTGRES";

    private const string HOW_TO_START =
        "Start one as root from the repository root with `bash .ci/postgres.sh && set -a && source .ci/postgres.env && set +a`, " +
        "or set " + CONNECTION_VARIABLE + " to a connection string of a role that may create databases.";

    /// <summary>
    /// The connection string of a reachable server; otherwise fails (CI) or ignores (elsewhere) the current test.
    /// </summary>
    public static async Task<string> RequireConnectionStringAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(CONNECTION_VARIABLE);
        if (string.IsNullOrWhiteSpace(connectionString))
            Unavailable($"{CONNECTION_VARIABLE} is not set.");

        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            Unavailable($"PostgreSQL from {CONNECTION_VARIABLE} is unreachable ({exception.Message}).");
        }

        return connectionString;
    }

    private static void Unavailable(string reason)
    {
        var message = $"Database tests need PostgreSQL. {reason} {HOW_TO_START}";
        if (IsContinuousIntegration())
            Assert.Fail(message);

        Assert.Ignore(message);
    }

    private static bool IsContinuousIntegration()
    {
        var ci = Environment.GetEnvironmentVariable("CI");
        return string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase) || ci == "1";
    }
}
