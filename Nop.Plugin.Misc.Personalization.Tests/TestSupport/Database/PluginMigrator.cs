using FluentMigrator;
using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.Personalization.Migrations;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// Runs the plugin's own migrations with FluentMigrator's runner on PostgreSQL, as nopCommerce does on install
/// (Up) and uninstall (Down). The processor is the one nopCommerce 4.90 picks for PostgreSQL (AddPostgres92).
/// </summary>
public sealed class PluginMigrator : IDisposable
{
    private readonly ServiceProvider _services;

    public PluginMigrator(string connectionString)
    {
        _services = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner
                .AddPostgres92()
                .WithGlobalConnectionString(connectionString)
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
}
