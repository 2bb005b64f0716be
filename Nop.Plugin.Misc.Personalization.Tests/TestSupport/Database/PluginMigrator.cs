using FluentMigrator;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Generators.MySql;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.Personalization.Migrations;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// Runs the plugin's own migrations with FluentMigrator's runner, as nopCommerce does on install (Up) and uninstall
/// (Down), with the processor nopCommerce 4.90 picks for the engine: AddPostgres92 for PostgreSQL, AddMySql5 with its
/// own MySQL type map for MySQL (never MySql8).
/// </summary>
public sealed class PluginMigrator : IDisposable
{
    private readonly ServiceProvider _services;

    public PluginMigrator(TestDatabase database)
    {
        var services = new ServiceCollection();
        if (database.Engine == DatabaseEngine.MySql)
            services.AddScoped<IMySqlTypeMap>(_ => new ShopMySqlTypeMap());

        _services = services
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => AddProcessor(runner, database.Engine)
                .WithGlobalConnectionString(database.ConnectionString)
                .ScanIn(typeof(SchemaMigration).Assembly).For.Migrations())
            .BuildServiceProvider(validateScopes: false);
    }

    /// <summary>
    /// The table in which the runner records applied migration versions.
    /// </summary>
    public static string VersionTable => "VersionInfo";

    public void MigrateUp() => Runner.MigrateUp();

    public void MigrateDownToNothing() => Runner.MigrateDown(0);

    /// <summary>
    /// Runs one migration's Up directly, whatever the version table says.
    /// </summary>
    public void Up(IMigration migration) => Runner.Up(migration);

    public void Dispose() => _services.Dispose();

    private IMigrationRunner Runner => _services.GetRequiredService<IMigrationRunner>();

    private static IMigrationRunnerBuilder AddProcessor(IMigrationRunnerBuilder runner, DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.PostgreSql => runner.AddPostgres92(),
        DatabaseEngine.MySql => runner.AddMySql5(),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, null)
    };
}
