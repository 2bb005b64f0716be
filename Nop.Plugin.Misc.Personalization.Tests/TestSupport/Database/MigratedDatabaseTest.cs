using LinqToDB;
using Nop.Core;
using Nop.Data;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// Base for fixtures that query the plugin's tables: a fresh database per fixture with the plugin installed
/// through its migrations (Up) and uninstalled (Down) when the fixture ends.
/// </summary>
public abstract class MigratedDatabaseTest
{
    private PluginMigrator _migrator;

    protected PostgresDatabase Database { get; private set; }

    protected DataOptions DataOptions { get; private set; }

    [OneTimeSetUp]
    public async Task CreateAndMigrateDatabaseAsync()
    {
        Database = await PostgresDatabase.CreateAsync();
        _migrator = new PluginMigrator(Database.ConnectionString);
        _migrator.MigrateUp();
        DataOptions = PersonalizationDataOptions.Create(Database.ConnectionString);
    }

    [OneTimeTearDown]
    public async Task MigrateDownAndDropDatabaseAsync()
    {
        try
        {
            _migrator?.MigrateDownToNothing();
        }
        finally
        {
            _migrator?.Dispose();
            if (Database is not null)
                await Database.DisposeAsync();
        }
    }

    protected IRepository<TEntity> Repository<TEntity>() where TEntity : BaseEntity => new LinqToDbRepository<TEntity>(DataOptions);
}
