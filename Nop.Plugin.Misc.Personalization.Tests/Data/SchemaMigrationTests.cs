using System.Reflection;
using FluentMigrator;
using Nop.Core;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.Personalization.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Migrations;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data;

/// <summary>
/// The plugin's schema migration on PostgreSQL through FluentMigrator's runner, as on install and uninstall.
/// Every test gets a database of its own.
/// </summary>
//PostgreSQL only: it reads pg_indexes and PostgreSQL's type names; on MySQL the same migrations run (Up and Down) under
//every database fixture, and Data/Portability checks their MySQL and SQL Server DDL
[TestFixture]
public class SchemaMigrationTests
{
    private const string PLUGIN_TABLES = "SELECT table_name FROM information_schema.tables " +
        "WHERE table_schema = current_schema() AND table_name LIKE 'Personalization\\_%' ORDER BY table_name";

    private PostgresDatabase _database;
    private PluginMigrator _migrator;

    [SetUp]
    public async Task CreateDatabaseAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _migrator = new PluginMigrator(_database);
    }

    [TearDown]
    public async Task DropDatabaseAsync()
    {
        _migrator?.Dispose();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [Test]
    public async Task UpCreatesATableForEveryEntity()
    {
        _migrator.MigrateUp();

        (await _database.StringsAsync(PLUGIN_TABLES)).Should().BeEquivalentTo(PersonalizationTables.ByEntity.Values);
    }

    [Test]
    public async Task EveryTableHasAColumnOfNopCommercesTypeAndNullabilityPerMappedProperty()
    {
        _migrator.MigrateUp();

        await EveryMappedPropertyHasItsColumnAsync();
    }

    /// <summary>
    /// nopCommerce installs a plugin with its installation migrations only (the update migrations are marked as done):
    /// the schema migration alone must create every column and index the update migrations add to older installations.
    /// </summary>
    [Test]
    public async Task AFreshInstallGetsEveryColumnAndIndexFromTheSchemaMigrationAlone()
    {
        _migrator.Up(new SchemaMigration());

        await EveryMappedPropertyHasItsColumnAsync();
        (await _database.ScalarAsync<string>("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = @index",
            ("index", EmailEngagementMigration.EMAIL_SEND_PERIOD_INDEX))).Should().EndWith("(\"SentOnUtc\", \"StoreId\")");
    }

    private async Task EveryMappedPropertyHasItsColumnAsync()
    {
        foreach (var (entityType, table) in PersonalizationTables.ByEntity)
        {
            var columns = await _database.StringsAsync(
                "SELECT column_name || ':' || data_type || ':' || is_nullable FROM information_schema.columns " +
                "WHERE table_schema = current_schema() AND table_name = @table", ("table", table));
            var properties = NopColumnRules.Columns(entityType).ToList();

            columns.Select(column => column.Split(':')[0]).Should()
                .BeEquivalentTo(properties.Select(property => property.Name).Append(nameof(BaseEntity.Id)), table);
            foreach (var property in properties)
            {
                var nullable = property.PropertyType.IsValueType ? (NopColumnRules.CanBeNull(property) ? "YES" : "NO") : null;
                columns.Should().Contain(column => PostgresTypes(property.PropertyType).Any(type => column.StartsWith($"{property.Name}:{type}:"))
                    && (nullable == null || column.EndsWith(nullable)),
                    $"{table}.{property.Name} is {property.PropertyType.Name}");
            }
        }
    }

    [Test]
    public async Task IdIsTheIdentityPrimaryKeyOfEveryTable()
    {
        _migrator.MigrateUp();

        var keys = await _database.StringsAsync(
            "SELECT tc.table_name || '.' || kcu.column_name FROM information_schema.table_constraints tc " +
            "JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema " +
            "WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema() AND tc.table_name LIKE 'Personalization\\_%'");
        var generated = await _database.StringsAsync(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name LIKE 'Personalization\\_%' " +
            "AND column_name = 'Id' AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')");

        keys.Should().BeEquivalentTo(PersonalizationTables.ByEntity.Values.Select(table => $"{table}.{nameof(BaseEntity.Id)}"));
        generated.Should().BeEquivalentTo(PersonalizationTables.ByEntity.Values);
    }

    [TestCase("IX_Personalization_Event_Store_Created", PersonalizationTables.EVENT, "(\"StoreId\", \"CreatedOnUtc\")")]
    [TestCase("IX_Personalization_Event_Customer_Created", PersonalizationTables.EVENT, "(\"CustomerId\", \"CreatedOnUtc\")")]
    [TestCase("IX_Personalization_Event_Order", PersonalizationTables.EVENT, "(\"OrderId\")")]
    [TestCase("IX_Personalization_Event_Created", PersonalizationTables.EVENT, "(\"CreatedOnUtc\")")]
    [TestCase(SnapshotPartsMigration.UNIQUE_PART_INDEX, PersonalizationTables.MODEL_SNAPSHOT, "(\"StoreId\", \"Kind\", \"Version\", \"Part\")")]
    [TestCase("IX_Personalization_Profile_Customer_Store", PersonalizationTables.PROFILE, "(\"CustomerId\", \"StoreId\")")]
    [TestCase("IX_Personalization_Prediction_Store_Due", PersonalizationTables.PREDICTION, "(\"StoreId\", \"DueOnUtc\")")]
    [TestCase(CustomerInsightsMigration.PREDICTION_CUSTOMER_INDEX, PersonalizationTables.PREDICTION, "(\"CustomerId\", \"StoreId\")")]
    [TestCase(ErasureMigration.ERASED_ON_INDEX, PersonalizationTables.ERASURE, "(\"ErasedOnUtc\")")]
    [TestCase(FarmLockMigration.NAME_INDEX, PersonalizationTables.LOCK, "(\"Name\")")]
    [TestCase(ImpressionCountMigration.DAY_INDEX, PersonalizationTables.IMPRESSION_COUNT, "(\"DayUtc\", \"Counter\")")]
    [TestCase(AbandonedCartMigration.CART_REMINDER_INDEX, PersonalizationTables.CART_REMINDER, "(\"CustomerId\", \"StoreId\")")]
    [TestCase(AbandonedCartMigration.EMAIL_SEND_INDEX, PersonalizationTables.EMAIL_SEND, "(\"CustomerId\", \"SentOnUtc\")")]
    public async Task UpCreatesTheIndex(string index, string table, string columns)
    {
        _migrator.MigrateUp();

        var definition = await _database.ScalarAsync<string>(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = @index AND tablename = @table",
            ("index", index), ("table", table));

        definition.Should().NotBeNull($"index {index} should exist on {table}");
        definition.Should().EndWith(columns);
    }

    [Test]
    public async Task DownLeavesNoPluginTableAndForgetsTheVersion()
    {
        _migrator.MigrateUp();
        await Repository<PersonalizationEvent>().InsertAsync(new PersonalizationEvent { StoreId = 1, CreatedOnUtc = DateTime.UtcNow });

        _migrator.MigrateDownToNothing();

        (await _database.StringsAsync(PLUGIN_TABLES)).Should().BeEmpty();
        (await AppliedVersionCountAsync()).Should().Be(0);
    }

    [Test]
    public async Task UpAgainOnAnInstalledSchemaIsHarmless()
    {
        _migrator.MigrateUp();
        var indexesBefore = await PluginIndexesAsync();
        var stored = new PersonalizationEvent { StoreId = 3, Query = "kept", CreatedOnUtc = DateTime.UtcNow };
        await Repository<PersonalizationEvent>().InsertAsync(stored);

        _migrator.Up(new SchemaMigration());

        (await _database.StringsAsync(PLUGIN_TABLES)).Should().BeEquivalentTo(PersonalizationTables.ByEntity.Values);
        (await PluginIndexesAsync()).Should().BeEquivalentTo(indexesBefore);
        (await Repository<PersonalizationEvent>().GetByIdAsync(stored.Id)).Query.Should().Be("kept");
    }

    [Test]
    public async Task MigrateUpAfterTheVersionRowWasLostIsHarmless()
    {
        _migrator.MigrateUp();
        var stored = new PersonalizationSegment { Name = "kept", Enabled = true };
        await Repository<PersonalizationSegment>().InsertAsync(stored);
        await _database.ExecuteAsync($"DELETE FROM \"{PluginMigrator.VersionTable}\" WHERE \"Version\" = {SchemaVersion}");

        // a new runner, as after a restart: the first one keeps the version table it read
        using (var reinstall = new PluginMigrator(_database))
            reinstall.MigrateUp();

        (await AppliedVersionCountAsync()).Should().Be(1);
        (await _database.StringsAsync(PLUGIN_TABLES)).Should().BeEquivalentTo(PersonalizationTables.ByEntity.Values);
        (await Repository<PersonalizationSegment>().GetByIdAsync(stored.Id)).Name.Should().Be("kept");
    }

    [Test]
    public async Task UpRecreatesATableLostInAHalfFinishedUninstall()
    {
        _migrator.MigrateUp();
        await _database.ExecuteAsync($"DROP TABLE \"{PersonalizationTables.PREDICTION}\"");

        _migrator.Up(new SchemaMigration());

        (await _database.StringsAsync(PLUGIN_TABLES)).Should().BeEquivalentTo(PersonalizationTables.ByEntity.Values);
        (await PluginIndexesAsync()).Should().Contain("IX_Personalization_Prediction_Store_Due");
    }

    [Test]
    public async Task InstallingOverTablesAnOlderVersionLeftBehindGivesThemTheNewColumns()
    {
        _migrator.MigrateUp();
        //a 0.2.0 uninstall that stopped half way: the profile and prediction tables stay in their old shape
        await _database.ExecuteAsync($"ALTER TABLE \"{PersonalizationTables.PROFILE}\" DROP COLUMN \"{CustomerInsightsMigration.ORDERS}\", DROP COLUMN \"{CustomerInsightsMigration.MEDIAN_GAP_DAYS}\"");
        await _database.ExecuteAsync($"DROP INDEX \"{CustomerInsightsMigration.PREDICTION_CUSTOMER_INDEX}\"");

        _migrator.Up(new SchemaMigration());

        var columns = await _database.StringsAsync("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table",
            ("table", PersonalizationTables.PROFILE));
        columns.Should().Contain([CustomerInsightsMigration.ORDERS, CustomerInsightsMigration.MEDIAN_GAP_DAYS]);
        (await PluginIndexesAsync()).Should().Contain(CustomerInsightsMigration.PREDICTION_CUSTOMER_INDEX);
    }

    [Test]
    public async Task UpdatingFromVersion030AddsTheCreationTimeIndexOnce()
    {
        _migrator.MigrateUp();
        await _database.ExecuteAsync($"DROP INDEX \"{EventCreatedIndexMigration.INDEX}\"");

        _migrator.Up(new EventCreatedIndexMigration());
        _migrator.Up(new EventCreatedIndexMigration());

        (await PluginIndexesAsync()).Should().ContainSingle(index => index == EventCreatedIndexMigration.INDEX);
    }

    [Test]
    public async Task InstallingOverTablesVersion030LeftBehindWidensTheirByteColumns()
    {
        _migrator.MigrateUp();
        await NarrowToVersion030ColumnsAsync();

        _migrator.Up(new SchemaMigration());

        (await WidenedColumnTypesAsync()).Should().OnlyContain(type => type == "integer");
    }

    [Test]
    public async Task UpdatingFromVersion030WidensTheByteColumnsToIntegersAndKeepsTheirValues()
    {
        _migrator.MigrateUp();
        await NarrowToVersion030ColumnsAsync();
        await _database.ExecuteAsync($"INSERT INTO \"{PersonalizationTables.EVENT}\" (\"StoreId\", \"CustomerId\", \"EventType\", \"ProductId\", \"Quantity\", \"Value\", \"OrderId\", \"CreatedOnUtc\") " +
            "VALUES (1, 7, 6, 3, 1, 9.5, 11, now())");
        await _database.ExecuteAsync($"INSERT INTO \"{PersonalizationTables.PROFILE}\" (\"CustomerId\", \"StoreId\", \"Recency\", \"Frequency\", \"Monetary\", \"LifecycleStage\", \"LastComputedOnUtc\", \"Orders\", \"TotalSpent\") " +
            "VALUES (7, 1, 5, 4, 3, 2, now(), 1, 9.5)");

        _migrator.Up(new IntegerColumnsMigration());
        _migrator.Up(new IntegerColumnsMigration());

        (await WidenedColumnTypesAsync()).Should().HaveCount(6).And.OnlyContain(type => type == "integer");
        (await Repository<PersonalizationEvent>().GetAllAsync(query => query.Where(e => e.EventType == 6))).Should().ContainSingle()
            .Which.OrderId.Should().Be(11);
        var profile = (await Repository<PersonalizationProfile>().GetAllAsync(query => query)).Should().ContainSingle().Subject;
        (profile.Recency, profile.Frequency, profile.Monetary, profile.LifecycleStage).Should().Be((5, 4, 3, 2));
        await Repository<PersonalizationPrediction>().InsertAsync(new PersonalizationPrediction { CustomerId = 7, StoreId = 1, ProductId = 3, Kind = 1, DueOnUtc = DateTime.UtcNow });
        (await _database.ScalarAsync<int>($"SELECT \"Kind\" FROM \"{PersonalizationTables.PREDICTION}\"")).Should().Be(1);
    }

    [Test]
    public async Task TheSnapshotPartIndexIsUnique()
    {
        _migrator.MigrateUp();

        var definition = await _database.ScalarAsync<string>("SELECT indexdef FROM pg_indexes WHERE indexname = @index", ("index", SnapshotPartsMigration.UNIQUE_PART_INDEX));

        definition.Should().StartWith("CREATE UNIQUE INDEX");
    }

    [Test]
    public async Task TheLockNameIndexIsUnique()
    {
        _migrator.MigrateUp();

        var definition = await _database.ScalarAsync<string>("SELECT indexdef FROM pg_indexes WHERE indexname = @index", ("index", FarmLockMigration.NAME_INDEX));

        definition.Should().StartWith("CREATE UNIQUE INDEX");
    }

    [Test]
    public async Task UpdatingToImpressionCountersCreatesTheirTableOnce()
    {
        _migrator.MigrateUp();
        //the schema as plugin versions before 0.7.0 left it
        await _database.ExecuteAsync($"DROP TABLE \"{PersonalizationTables.IMPRESSION_COUNT}\"");

        _migrator.Up(new ImpressionCountMigration());
        _migrator.Up(new ImpressionCountMigration());

        (await _database.StringsAsync(PLUGIN_TABLES)).Should().BeEquivalentTo(PersonalizationTables.ByEntity.Values);
        (await PluginIndexesAsync()).Should().ContainSingle(index => index == ImpressionCountMigration.DAY_INDEX);
    }

    [Test]
    public async Task UpdatingFromVersion070AddsHiddenAndZoneRendersOnceAndOldRowsStartAtZero()
    {
        _migrator.MigrateUp();
        var table = PersonalizationTables.IMPRESSION_COUNT;
        //the counters as 0.7.0 created them, with a day already counted
        await _database.ExecuteAsync($"ALTER TABLE \"{table}\" DROP COLUMN \"{ImpressionHealthMigration.HIDDEN_RENDERS}\", DROP COLUMN \"{ImpressionHealthMigration.ZONE_RENDERS}\"");
        await _database.ExecuteAsync($"INSERT INTO \"{table}\" (\"StoreId\", \"PlacementId\", \"DayUtc\", \"Counter\", \"Renders\", \"ProductsShown\") " +
            "VALUES (1, 7, '2026-12-01', 'node:1', 3, 12)");

        _migrator.Up(new ImpressionHealthMigration());
        _migrator.Up(new ImpressionHealthMigration());

        (await _database.StringsAsync($"SELECT \"{ImpressionHealthMigration.HIDDEN_RENDERS}\" || ':' || \"{ImpressionHealthMigration.ZONE_RENDERS}\" FROM \"{table}\""))
            .Should().Equal("0:0");
    }

    [Test]
    public async Task UpdatingToAbandonedCartsCreatesBothTablesOnceWithOneReminderRowPerCustomerAndStore()
    {
        _migrator.MigrateUp();
        //the schema as plugin versions before abandoned-cart e-mails left it
        await _database.ExecuteAsync($"DROP TABLE \"{PersonalizationTables.CART_REMINDER}\"");
        await _database.ExecuteAsync($"DROP TABLE \"{PersonalizationTables.EMAIL_SEND}\"");

        _migrator.Up(new AbandonedCartMigration());
        _migrator.Up(new AbandonedCartMigration());

        (await _database.StringsAsync(PLUGIN_TABLES)).Should().BeEquivalentTo(PersonalizationTables.ByEntity.Values);
        var reminders = Repository<PersonalizationCartReminder>();
        var now = DateTime.UtcNow;
        await reminders.InsertAsync(new PersonalizationCartReminder { CustomerId = 1, StoreId = 1, Fingerprint = "0123456789abcdef", CartChangedOnUtc = now, FirstSentOnUtc = now });
        var second = () => reminders.InsertAsync(new PersonalizationCartReminder { CustomerId = 1, StoreId = 1, Fingerprint = "fedcba9876543210", CartChangedOnUtc = now, FirstSentOnUtc = now });
        await second.Should().ThrowAsync<Exception>("one reminder row per customer and store");
    }

    [Test]
    public async Task UpdatingToThePredictedLifetimeAddsItsEmptyProfileColumnsOnce()
    {
        _migrator.MigrateUp();
        var table = PersonalizationTables.PROFILE;
        //the profiles as versions before the predicted lifetime created them, with a row already computed
        await _database.ExecuteAsync($"ALTER TABLE \"{table}\" DROP COLUMN \"{LifetimeMigration.PROBABILITY_ALIVE}\", DROP COLUMN \"{LifetimeMigration.EXPECTED_PURCHASES_90_DAYS}\"");
        await _database.ExecuteAsync($"INSERT INTO \"{table}\" (\"CustomerId\", \"StoreId\", \"Recency\", \"Frequency\", \"Monetary\", \"LifecycleStage\", \"LastComputedOnUtc\", \"Orders\", \"TotalSpent\") " +
            "VALUES (7, 1, 5, 4, 3, 2, '2026-12-01', 3, 10)");

        _migrator.Up(new LifetimeMigration());
        _migrator.Up(new LifetimeMigration());

        (await _database.StringsAsync($"SELECT CASE WHEN \"{LifetimeMigration.PROBABILITY_ALIVE}\" IS NULL AND \"{LifetimeMigration.EXPECTED_PURCHASES_90_DAYS}\" IS NULL THEN 'empty' ELSE 'filled' END FROM \"{table}\""))
            .Should().Equal("empty");
    }

    [Test]
    public async Task UpdatingToEmailEngagementAddsEmptyProfileColumnsAndTheSendLogsPeriodIndexOnce()
    {
        _migrator.MigrateUp();
        var table = PersonalizationTables.PROFILE;
        string[] columns = [EmailEngagementMigration.EMAILS_SENT, EmailEngagementMigration.EMAILS_OPENED, EmailEngagementMigration.EMAILS_CLICKED,
            EmailEngagementMigration.LAST_EMAIL_OPEN, EmailEngagementMigration.LAST_EMAIL_CLICK, EmailEngagementMigration.EMAIL_CLICK_RATE];
        //the tables as version 0.9.0 left them, with a profile already computed
        await _database.ExecuteAsync($"ALTER TABLE \"{table}\" " + string.Join(", ", columns.Select(column => $"DROP COLUMN \"{column}\"")));
        await _database.ExecuteAsync($"DROP INDEX \"{EmailEngagementMigration.EMAIL_SEND_PERIOD_INDEX}\"");
        await _database.ExecuteAsync($"INSERT INTO \"{table}\" (\"CustomerId\", \"StoreId\", \"Recency\", \"Frequency\", \"Monetary\", \"LifecycleStage\", \"LastComputedOnUtc\", \"Orders\", \"TotalSpent\") " +
            "VALUES (7, 1, 5, 4, 3, 2, '2026-12-01', 3, 10)");

        _migrator.Up(new EmailEngagementMigration());
        _migrator.Up(new EmailEngagementMigration());

        (await _database.StringsAsync($"SELECT CASE WHEN " + string.Join(" AND ", columns.Select(column => $"\"{column}\" IS NULL")) + $" THEN 'empty' ELSE 'filled' END FROM \"{table}\""))
            .Should().Equal("empty");
        (await _database.StringsAsync($"SELECT indexname FROM pg_indexes WHERE tablename = '{PersonalizationTables.EMAIL_SEND}' ORDER BY 1"))
            .Should().Contain(EmailEngagementMigration.EMAIL_SEND_PERIOD_INDEX);
    }

    [Test]
    public async Task UpdatingToTheFarmLockCreatesTheLockTableWithItsUniqueNameOnce()
    {
        _migrator.MigrateUp();
        //the schema as plugin versions before the farm lock left it
        await _database.ExecuteAsync($"DROP TABLE \"{PersonalizationTables.LOCK}\"");

        _migrator.Up(new FarmLockMigration());
        _migrator.Up(new FarmLockMigration());

        (await _database.StringsAsync(PLUGIN_TABLES)).Should().BeEquivalentTo(PersonalizationTables.ByEntity.Values);
        (await PluginIndexesAsync()).Should().ContainSingle(index => index == FarmLockMigration.NAME_INDEX);
        var locks = Repository<PersonalizationLock>();
        var now = DateTime.UtcNow;
        await locks.InsertAsync(new PersonalizationLock { Name = "training", Holder = "node-a/1", AcquiredOnUtc = now, ExpiresOnUtc = now.AddMinutes(1) });
        var second = () => locks.InsertAsync(new PersonalizationLock { Name = "training", Holder = "node-b/2", AcquiredOnUtc = now, ExpiresOnUtc = now.AddMinutes(1) });
        await second.Should().ThrowAsync<Exception>("the database refuses a second holder of a name");
    }

    [Test]
    public async Task UpdatingFromVersion010GivesTheSnapshotTableItsPartsAndStartsItsModelsAfresh()
    {
        _migrator.MigrateUp();
        //the table as plugin 0.1.0 left it: no part columns, its version index, two rows a race saved under one version
        var table = PersonalizationTables.MODEL_SNAPSHOT;
        await _database.ExecuteAsync($"ALTER TABLE \"{table}\" DROP COLUMN \"{SnapshotPartsMigration.PART}\", DROP COLUMN \"{SnapshotPartsMigration.PART_COUNT}\"");
        await _database.ExecuteAsync($"CREATE INDEX \"{SnapshotPartsMigration.VERSION_INDEX_010}\" ON \"{table}\" (\"StoreId\", \"Kind\", \"Version\" DESC)");
        for (var copy = 0; copy < 2; copy++)
        {
            await _database.ExecuteAsync($"INSERT INTO \"{table}\" (\"StoreId\", \"Kind\", \"Version\", \"CreatedOnUtc\", \"Payload\") " +
                $"VALUES (1, '{ModelSnapshotStore.RECOMMENDATIONS}', 4, now(), '\\x0102030405'::bytea)");
        }

        _migrator.Up(new SnapshotPartsMigration());
        _migrator.Up(new SnapshotPartsMigration());

        var store = new ModelSnapshotStore(Repository<PersonalizationModelSnapshot>(), TimeProvider.System);
        (await store.NewestAsync(ModelSnapshotStore.RECOMMENDATIONS)).Should().BeEmpty("models are derived data and are retrained");
        (await PluginIndexesAsync()).Should().Contain(SnapshotPartsMigration.UNIQUE_PART_INDEX).And.NotContain(SnapshotPartsMigration.VERSION_INDEX_010);
        (await store.SaveAsync(1, ModelSnapshotStore.RECOMMENDATIONS, [9])).Should().Be(1);
        var newest = (await store.NewestAsync(ModelSnapshotStore.RECOMMENDATIONS)).Single();
        (await store.LoadPayloadAsync(newest)).Should().Equal(9);
    }

    [Test]
    public async Task UpdatingFromVersion020GivesProfilesTheirOrderColumnsAndPredictionsTheirCustomerIndex()
    {
        _migrator.MigrateUp();
        //the tables as plugin 0.2.0 left them, with a profile row written then
        var profile = PersonalizationTables.PROFILE;
        await _database.ExecuteAsync($"ALTER TABLE \"{profile}\" DROP COLUMN \"{CustomerInsightsMigration.ORDERS}\", DROP COLUMN \"{CustomerInsightsMigration.TOTAL_SPENT}\", " +
            $"DROP COLUMN \"{CustomerInsightsMigration.LAST_ORDER_ON_UTC}\", DROP COLUMN \"{CustomerInsightsMigration.MEDIAN_GAP_DAYS}\"");
        await _database.ExecuteAsync($"DROP INDEX \"{CustomerInsightsMigration.PREDICTION_CUSTOMER_INDEX}\"");
        await _database.ExecuteAsync($"INSERT INTO \"{profile}\" (\"CustomerId\", \"StoreId\", \"Recency\", \"Frequency\", \"Monetary\", \"LifecycleStage\", \"LastComputedOnUtc\") " +
            "VALUES (7, 1, 5, 4, 3, 2, now())");

        _migrator.Up(new CustomerInsightsMigration());
        _migrator.Up(new CustomerInsightsMigration());

        var row = (await Repository<PersonalizationProfile>().GetAllAsync(query => query)).Should().ContainSingle().Subject;
        (row.CustomerId, row.Recency, row.Orders, row.TotalSpent, row.LastOrderOnUtc, row.MedianGapDays).Should().Be((7, 5, 0, 0m, (DateTime?)null, (decimal?)null));
        (await PluginIndexesAsync()).Should().Contain(CustomerInsightsMigration.PREDICTION_CUSTOMER_INDEX);
    }

    [Test]
    public async Task UpdatingToComplementAnchorsGivesExistingPredictionsNoAnchorOnce()
    {
        _migrator.MigrateUp();
        //the prediction table as plugin 0.7.0 left it, with a replenishment row written then
        var prediction = PersonalizationTables.PREDICTION;
        await _database.ExecuteAsync($"ALTER TABLE \"{prediction}\" DROP COLUMN \"{ComplementAnchorMigration.ANCHOR_PRODUCT_ID}\", DROP COLUMN \"{ComplementAnchorMigration.ANCHOR_ON_UTC}\"");
        await _database.ExecuteAsync($"INSERT INTO \"{prediction}\" (\"CustomerId\", \"StoreId\", \"ProductId\", \"Kind\", \"DueOnUtc\", \"Score\") VALUES (7, 1, 3, 1, now(), 0.5)");

        _migrator.Up(new ComplementAnchorMigration());
        _migrator.Up(new ComplementAnchorMigration());

        var row = (await Repository<PersonalizationPrediction>().GetAllAsync(query => query)).Should().ContainSingle().Subject;
        (row.CustomerId, row.ProductId, row.AnchorProductId, row.AnchorOnUtc).Should().Be((7, 3, 0, (DateTime?)null));
    }

    [TestCase(typeof(SnapshotPartsMigration))]
    [TestCase(typeof(CustomerInsightsMigration))]
    [TestCase(typeof(IntegerColumnsMigration))]
    [TestCase(typeof(EventCreatedIndexMigration))]
    [TestCase(typeof(RoleSyncLedgerMigration))]
    [TestCase(typeof(ErasureMigration))]
    [TestCase(typeof(AfterPageLoadingMigration))]
    [TestCase(typeof(ImpressionCountMigration))]
    [TestCase(typeof(FarmLockMigration))]
    [TestCase(typeof(ComplementAnchorMigration))]
    [TestCase(typeof(ImpressionHealthMigration))]
    [TestCase(typeof(LifetimeMigration))]
    [TestCase(typeof(EmailEngagementMigration))]
    public void TheSchemaIsInstalledOnInstallAndLaterMigrationsRunOnlyOnUpdate(Type migration)
    {
        typeof(SchemaMigration).GetCustomAttribute<NopMigrationAttribute>().TargetMigrationProcess.Should().Be(MigrationProcessType.Installation);
        migration.GetCustomAttribute<NopMigrationAttribute>().TargetMigrationProcess.Should().Be(MigrationProcessType.Update);
        SchemaVersion.Should().BeLessThan(migration.GetCustomAttribute<MigrationAttribute>().Version);
    }

    private static readonly Type[] _updateMigrationsAsWritten =
    [
        typeof(SnapshotPartsMigration), typeof(CustomerInsightsMigration), typeof(IntegerColumnsMigration), typeof(EventCreatedIndexMigration),
        typeof(RoleSyncLedgerMigration), typeof(ErasureMigration), typeof(AfterPageLoadingMigration), typeof(ImpressionCountMigration),
        typeof(FarmLockMigration), typeof(ComplementAnchorMigration), typeof(ImpressionHealthMigration), typeof(AbandonedCartMigration),
        typeof(LifetimeMigration), typeof(EmailEngagementMigration)
    ];

    [Test]
    public void UpdateMigrationsRunInTheOrderTheyWereWritten()
    {
        var versions = _updateMigrationsAsWritten.Select(migration => migration.GetCustomAttribute<MigrationAttribute>().Version);

        versions.Should().BeInAscendingOrder();
    }

    [Test]
    public void EveryUpdateMigrationOfThePluginIsInTheWrittenOrder()
    {
        var updates = typeof(SchemaMigration).Assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<NopMigrationAttribute>()?.TargetMigrationProcess == MigrationProcessType.Update);

        updates.Should().BeEquivalentTo(_updateMigrationsAsWritten, "a new update migration takes its place in the list above");
    }

    //what plugin 0.3.0 created for its byte properties (FluentMigrator's AsByte on PostgreSQL)
    private async Task NarrowToVersion030ColumnsAsync()
    {
        foreach (var (table, columns) in IntegerColumnsMigration.WidenedColumns)
        {
            foreach (var column in columns)
                await _database.ExecuteAsync($"ALTER TABLE \"{table}\" ALTER COLUMN \"{column}\" TYPE smallint");
        }

        (await WidenedColumnTypesAsync()).Should().HaveCount(6).And.OnlyContain(type => type == "smallint");
    }

    private async Task<IList<string>> WidenedColumnTypesAsync()
    {
        var types = new List<string>();
        foreach (var (table, columns) in IntegerColumnsMigration.WidenedColumns)
        {
            foreach (var column in columns)
            {
                types.Add(await _database.ScalarAsync<string>("SELECT data_type FROM information_schema.columns " +
                    "WHERE table_schema = current_schema() AND table_name = @table AND column_name = @column", ("table", table), ("column", column)));
            }
        }

        return types;
    }

    private static string[] PostgresTypes(Type propertyType) => (Nullable.GetUnderlyingType(propertyType) ?? propertyType) switch
    {
        var type when type == typeof(int) => ["integer"],
        var type when type == typeof(long) => ["bigint"],
        var type when type == typeof(string) => ["character varying", "text"],
        var type when type == typeof(bool) => ["boolean"],
        var type when type == typeof(decimal) => ["numeric"],
        var type when type == typeof(DateTime) => ["timestamp without time zone"],
        var type when type == typeof(byte[]) => ["bytea"],
        var type when type == typeof(Guid) => ["uuid"],
        var type => throw new ArgumentOutOfRangeException(nameof(propertyType), type, "nopCommerce maps no such property")
    };

    private static long SchemaVersion => typeof(SchemaMigration).GetCustomAttribute<MigrationAttribute>().Version;

    private LinqToDbRepository<TEntity> Repository<TEntity>() where TEntity : BaseEntity =>
        new(PersonalizationDataOptions.Create(_database));

    private Task<long> AppliedVersionCountAsync() => _database.ScalarAsync<long>(
        $"SELECT count(*) FROM \"{PluginMigrator.VersionTable}\" WHERE \"Version\" = @version", ("version", SchemaVersion));

    private Task<IList<string>> PluginIndexesAsync() => _database.StringsAsync(
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename LIKE 'Personalization\\_%' ORDER BY indexname");
}
