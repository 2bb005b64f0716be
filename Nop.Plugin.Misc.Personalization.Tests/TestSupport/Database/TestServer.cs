using System.Data.Common;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// Finds a database server the tests run against from an environment variable. In CI a missing or unreachable server
/// fails the tests; on a developer machine it skips them with the command that starts one.
/// </summary>
public sealed class TestServer
{
    public static readonly TestServer PostgreSql = new("PostgreSQL", "PERSONALIZATION_TEST_POSTGRES", ".ci/postgres.sh", ".ci/postgres.env");

    public static readonly TestServer MySql = new("MySQL (MariaDB)", "PERSONALIZATION_TEST_MYSQL", ".ci/mariadb.sh", ".ci/mariadb.env");

    private readonly string _name;
    private readonly string _script;
    private readonly string _envFile;

    private TestServer(string name, string connectionVariable, string script, string envFile)
    {
        _name = name;
        ConnectionVariable = connectionVariable;
        _script = script;
        _envFile = envFile;
    }

    public string ConnectionVariable { get; }

    public static TestServer Of(DatabaseEngine engine) => engine == DatabaseEngine.MySql ? MySql : PostgreSql;

    /// <summary>
    /// The connection string of a reachable server; otherwise fails (CI) or ignores (elsewhere) the current test.
    /// </summary>
    /// <param name="open">Opens a connection with the given connection string (the engine's client).</param>
    public async Task<string> RequireConnectionStringAsync(Func<string, Task<DbConnection>> open)
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
            Unavailable($"{ConnectionVariable} is not set.");

        try
        {
            await using var connection = await open(connectionString);
        }
        catch (Exception exception) when (exception is DbException or ArgumentException or InvalidOperationException)
        {
            Unavailable($"{_name} from {ConnectionVariable} is unreachable ({exception.Message}).");
        }

        return connectionString;
    }

    private void Unavailable(string reason)
    {
        var message = $"Database tests need {_name}. {reason} Start one as root from the repository root with " +
            $"`bash {_script} && set -a && source {_envFile} && set +a`, or set {ConnectionVariable} to a connection string " +
            "of a role that may create databases.";
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
