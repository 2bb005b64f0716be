using Npgsql;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data;

/// <summary>
/// Teardown of a fixture's scratch database: a drop the server refuses for a passing reason is retried, and one that
/// cannot be done leaves the database for the sweep in .ci/postgres.sh instead of failing the run.
/// </summary>
//PostgreSQL only: about dropping PostgreSQL scratch databases (FORCE, refusals by SQL state), not the plugin's queries
[TestFixture]
public class ScratchDatabaseTests
{
    [Test]
    public async Task ADropRefusedForAPassingReasonIsRetriedWithGrowingPauses()
    {
        var attempts = 0;
        var pauses = new List<TimeSpan>();

        var dropped = await PostgresDatabase.DropAsync(() =>
        {
            attempts++;
            return attempts switch
            {
                1 => Task.FromException(Refusal(PostgresErrorCodes.InsufficientPrivilege)),
                2 => Task.FromException(Refusal(PostgresErrorCodes.ObjectInUse)),
                _ => Task.CompletedTask
            };
        }, Pause(pauses));

        dropped.Should().BeTrue();
        attempts.Should().Be(3);
        pauses.Should().Equal(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
    }

    [Test]
    public async Task ADatabaseThatStaysRefusedIsLeftBehindWithoutFailingTheRun()
    {
        var attempts = 0;
        var pauses = new List<TimeSpan>();

        var dropped = await PostgresDatabase.DropAsync(() =>
        {
            attempts++;
            return Task.FromException(Refusal(PostgresErrorCodes.InsufficientPrivilege));
        }, Pause(pauses));

        dropped.Should().BeFalse();
        attempts.Should().Be(6);
        pauses.Sum(pause => pause.TotalMilliseconds).Should().BeLessThan(5_000, "a teardown waits seconds, not minutes");
    }

    [Test]
    public async Task AnyOtherFailureIsNotRetriedAndDoesNotFailTheRun()
    {
        var attempts = 0;

        var dropped = await PostgresDatabase.DropAsync(() =>
        {
            attempts++;
            return Task.FromException(new NpgsqlException("server went away"));
        }, Pause([]));

        (dropped, attempts).Should().Be((false, 1));
    }

    [Test]
    public async Task DisposingDropsTheDatabaseEvenWhileAConnectionIsOpen()
    {
        var database = await PostgresDatabase.CreateAsync();
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var open = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await open.OpenAsync();

        await database.DisposeAsync();

        await using var check = new NpgsqlConnection(server);
        await check.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", check);
        command.Parameters.AddWithValue("name", database.Name);
        ((long)await command.ExecuteScalarAsync()).Should().Be(0);
    }

    private static PostgresException Refusal(string sqlState) => new("refused", "ERROR", "ERROR", sqlState);

    private static Func<TimeSpan, Task> Pause(List<TimeSpan> pauses) => pause =>
    {
        pauses.Add(pause);
        return Task.CompletedTask;
    };
}
