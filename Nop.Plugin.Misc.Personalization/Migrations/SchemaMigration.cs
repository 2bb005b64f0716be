using FluentMigrator;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Migrations;

/// <summary>
/// Creates the plugin's tables on install and drops them on uninstall. Written with the plain FluentMigrator API
/// (no provider-specific SQL) so the same class runs on SQL Server, MySQL and PostgreSQL, and in the tests.
/// Each table is created only when missing, so running Up again after a half-finished uninstall is harmless.
/// </summary>
[NopMigration("2026/11/26 09:00:00:0000000", "Misc.Personalization schema", MigrationProcessType.Installation)]
public class SchemaMigration : Migration
{
    public const int PLACEMENT_NAME_LENGTH = 100;
    public const int QUERY_LENGTH = 200;
    public const string EVENT_ORDER_INDEX = "IX_Personalization_Event_Order";

    public override void Up()
    {
        var leftBehind = PersonalizationTables.ByEntity.Values.Where(table => Schema.Table(table).Exists()).ToList();

        if (!Schema.Table(PersonalizationTables.EVENT).Exists())
        {
            Create.Table(PersonalizationTables.EVENT)
                .WithColumn("Id").AsInt32().PrimaryKey().Identity()
                .WithColumn("StoreId").AsInt32().NotNullable()
                .WithColumn("CustomerId").AsInt32().NotNullable()
                .WithColumn("EventType").AsInt32().NotNullable()
                .WithColumn("ProductId").AsInt32().NotNullable()
                .WithColumn("Quantity").AsInt32().NotNullable()
                .WithColumn("Value").AsDecimal(18, 4).NotNullable()
                .WithColumn("OrderId").AsInt32().NotNullable()
                .WithColumn("Placement").AsString(PLACEMENT_NAME_LENGTH).Nullable()
                .WithColumn("Query").AsString(QUERY_LENGTH).Nullable()
                .WithColumn("CreatedOnUtc").AsDateTime2().NotNullable();

            Create.Index("IX_Personalization_Event_Store_Created").OnTable(PersonalizationTables.EVENT)
                .OnColumn("StoreId").Ascending()
                .OnColumn("CreatedOnUtc").Ascending();

            Create.Index("IX_Personalization_Event_Customer_Created").OnTable(PersonalizationTables.EVENT)
                .OnColumn("CustomerId").Ascending()
                .OnColumn("CreatedOnUtc").Ascending();
        }

        //retention deletes the oldest events in ranges of creation time
        EventCreatedIndexMigration.CreateIfMissing(Schema, Create);

        //the backfill asks which orders already have purchase events
        if (!Schema.Table(PersonalizationTables.EVENT).Index(EVENT_ORDER_INDEX).Exists())
        {
            Create.Index(EVENT_ORDER_INDEX).OnTable(PersonalizationTables.EVENT)
                .OnColumn("OrderId").Ascending();
        }

        if (!Schema.Table(PersonalizationTables.MODEL_SNAPSHOT).Exists())
        {
            Create.Table(PersonalizationTables.MODEL_SNAPSHOT)
                .WithColumn("Id").AsInt32().PrimaryKey().Identity()
                .WithColumn("StoreId").AsInt32().NotNullable()
                .WithColumn("Kind").AsString(50).NotNullable()
                .WithColumn("Version").AsInt32().NotNullable()
                .WithColumn("CreatedOnUtc").AsDateTime2().NotNullable()
                .WithColumn(SnapshotPartsMigration.PART).AsInt32().NotNullable().WithDefaultValue(0)
                .WithColumn(SnapshotPartsMigration.PART_COUNT).AsInt32().NotNullable().WithDefaultValue(1)
                .WithColumn("Payload").AsBinary(int.MaxValue).NotNullable();

            SnapshotPartsMigration.CreateUniquePartIndex(Create);
        }

        if (!Schema.Table(PersonalizationTables.PLACEMENT).Exists())
        {
            Create.Table(PersonalizationTables.PLACEMENT)
                .WithColumn("Id").AsInt32().PrimaryKey().Identity()
                .WithColumn("StoreId").AsInt32().NotNullable()
                .WithColumn("WidgetZone").AsString(PLACEMENT_NAME_LENGTH).NotNullable()
                .WithColumn("Strategy").AsString(50).NotNullable()
                .WithColumn("Title").AsString(200).Nullable()
                .WithColumn("Count").AsInt32().NotNullable()
                .WithColumn("SegmentId").AsInt32().NotNullable()
                .WithColumn("Enabled").AsBoolean().NotNullable()
                .WithColumn("DisplayOrder").AsInt32().NotNullable()
                .WithColumn(AfterPageLoadingMigration.LOAD_AFTER_PAGE).AsBoolean().NotNullable().WithDefaultValue(false)
                .WithColumn(AfterPageLoadingMigration.RESERVED_HEIGHT).AsInt32().NotNullable().WithDefaultValue(0);
        }

        if (!Schema.Table(PersonalizationTables.SEGMENT).Exists())
        {
            Create.Table(PersonalizationTables.SEGMENT)
                .WithColumn("Id").AsInt32().PrimaryKey().Identity()
                .WithColumn("Name").AsString(200).NotNullable()
                .WithColumn("RuleDefinition").AsString(int.MaxValue).Nullable()
                .WithColumn("CustomerRoleId").AsInt32().NotNullable()
                .WithColumn("DisplayOrder").AsInt32().NotNullable()
                .WithColumn("Enabled").AsBoolean().NotNullable()
                .WithColumn(RoleSyncLedgerMigration.ROLE_LINK).AsInt32().NotNullable().WithDefaultValue(0)
                .WithColumn(RoleSyncLedgerMigration.ROLE_LINKED_ON_UTC).AsDateTime2().Nullable()
                .WithColumn(RoleSyncLedgerMigration.ROLE_LINKED_BY).AsInt32().NotNullable().WithDefaultValue(0);
        }

        if (!Schema.Table(PersonalizationTables.PROFILE).Exists())
        {
            Create.Table(PersonalizationTables.PROFILE)
                .WithColumn("Id").AsInt32().PrimaryKey().Identity()
                .WithColumn("CustomerId").AsInt32().NotNullable()
                .WithColumn("StoreId").AsInt32().NotNullable()
                .WithColumn("SegmentIds").AsString(500).Nullable()
                .WithColumn("Recency").AsInt32().NotNullable()
                .WithColumn("Frequency").AsInt32().NotNullable()
                .WithColumn("Monetary").AsInt32().NotNullable()
                .WithColumn("LifecycleStage").AsInt32().NotNullable()
                .WithColumn("Affinities").AsString(int.MaxValue).Nullable()
                .WithColumn("LastComputedOnUtc").AsDateTime2().NotNullable()
                .WithColumn(CustomerInsightsMigration.ORDERS).AsInt32().NotNullable()
                .WithColumn(CustomerInsightsMigration.TOTAL_SPENT).AsDecimal(18, 4).NotNullable()
                .WithColumn(CustomerInsightsMigration.LAST_ORDER_ON_UTC).AsDateTime2().Nullable()
                .WithColumn(CustomerInsightsMigration.MEDIAN_GAP_DAYS).AsDecimal(9, 1).Nullable()
                .WithColumn(LifetimeMigration.PROBABILITY_ALIVE).AsDecimal(9, 4).Nullable()
                .WithColumn(LifetimeMigration.EXPECTED_PURCHASES_90_DAYS).AsDecimal(9, 2).Nullable()
                .WithColumn(EmailEngagementMigration.EMAILS_SENT).AsInt32().Nullable()
                .WithColumn(EmailEngagementMigration.EMAILS_OPENED).AsInt32().Nullable()
                .WithColumn(EmailEngagementMigration.EMAILS_CLICKED).AsInt32().Nullable()
                .WithColumn(EmailEngagementMigration.LAST_EMAIL_OPEN).AsDateTime2().Nullable()
                .WithColumn(EmailEngagementMigration.LAST_EMAIL_CLICK).AsDateTime2().Nullable()
                .WithColumn(EmailEngagementMigration.EMAIL_CLICK_RATE).AsDecimal(9, 4).Nullable();

            Create.Index("IX_Personalization_Profile_Customer_Store").OnTable(PersonalizationTables.PROFILE)
                .OnColumn("CustomerId").Ascending()
                .OnColumn("StoreId").Ascending();
        }

        if (!Schema.Table(PersonalizationTables.PREDICTION).Exists())
        {
            Create.Table(PersonalizationTables.PREDICTION)
                .WithColumn("Id").AsInt32().PrimaryKey().Identity()
                .WithColumn("CustomerId").AsInt32().NotNullable()
                .WithColumn("StoreId").AsInt32().NotNullable()
                .WithColumn("ProductId").AsInt32().NotNullable()
                .WithColumn("Kind").AsInt32().NotNullable()
                .WithColumn("DueOnUtc").AsDateTime2().NotNullable()
                .WithColumn("Score").AsDecimal(18, 4).NotNullable()
                .WithColumn("EmailedOnUtc").AsDateTime2().Nullable()
                .WithColumn(ComplementAnchorMigration.ANCHOR_PRODUCT_ID).AsInt32().NotNullable().WithDefaultValue(0)
                .WithColumn(ComplementAnchorMigration.ANCHOR_ON_UTC).AsDateTime2().Nullable();

            Create.Index("IX_Personalization_Prediction_Store_Due").OnTable(PersonalizationTables.PREDICTION)
                .OnColumn("StoreId").Ascending()
                .OnColumn("DueOnUtc").Ascending();
            CustomerInsightsMigration.CreatePredictionCustomerIndex(Create);
        }

        ErasureMigration.CreateIfMissing(Schema, Create);
        FarmLockMigration.CreateIfMissing(Schema, Create);
        ImpressionCountMigration.CreateIfMissing(Schema, Create);
        AbandonedCartMigration.CreateIfMissing(Schema, Create);

        //tables an earlier version left behind get what later versions added
        CustomerInsightsMigration.AddWhatIsMissing(Schema, Alter, Create);
        RoleSyncLedgerMigration.AddWhatIsMissing(Schema, Alter, Create);
        ImpressionHealthMigration.AddWhatIsMissing(Schema, Alter);
        LifetimeMigration.AddWhatIsMissing(Schema, Alter);
        EmailEngagementMigration.AddWhatIsMissing(Schema, Alter, Create);
        IntegerColumnsMigration.WidenWhereMissing(Schema, Alter, leftBehind);
    }

    public override void Down()
    {
        foreach (var table in PersonalizationTables.ByEntity.Values)
        {
            if (Schema.Table(table).Exists())
                Delete.Table(table);
        }
    }
}
