using LinqToDB;
using Nop.Core;
using Nop.Data;

namespace Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

/// <summary>
/// Base for fixtures that query the plugin's tables: a fresh database per fixture with the plugin installed
/// through its migrations (Up) and uninstalled (Down) when the fixture ends. A fixture runs once per engine
/// (<see cref="DatabaseEngines.All"/>) and passes its engine to this constructor.
/// </summary>
public abstract class MigratedDatabaseTest
{
    private PluginMigrator _migrator;

    protected MigratedDatabaseTest(DatabaseEngine engine)
    {
        Engine = engine;
    }

    protected DatabaseEngine Engine { get; }

    protected TestDatabase Database { get; private set; }

    protected DataOptions DataOptions { get; private set; }

    [OneTimeSetUp]
    public async Task CreateAndMigrateDatabaseAsync()
    {
        Database = await TestDatabase.CreateAsync(Engine);
        _migrator = new PluginMigrator(Database);
        _migrator.MigrateUp();
        DataOptions = PersonalizationDataOptions.Create(Database);
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
