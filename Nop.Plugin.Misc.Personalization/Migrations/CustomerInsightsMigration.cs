using FluentMigrator;
using FluentMigrator.Builders.Alter;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Schema;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Migrations;

/// <summary>
/// Plugin 0.3.0: profiles carry the order figures shown on the admin customer page, and predictions are found by
/// customer. Gives tables created by 0.1.0/0.2.0 the new columns and index (a fresh install gets them from
/// <see cref="SchemaMigration"/>). Profiles are derived data rebuilt by the next training run, so the defaults
/// only have to be valid, not right.
/// </summary>
[NopMigration("2026/11/28 09:00:00:0000000", "Misc.Personalization customer insights", MigrationProcessType.Update)]
public class CustomerInsightsMigration : Migration
{
    public const string ORDERS = "Orders";
    public const string TOTAL_SPENT = "TotalSpent";
    public const string LAST_ORDER_ON_UTC = "LastOrderOnUtc";
    public const string MEDIAN_GAP_DAYS = "MedianGapDays";
    public const string PREDICTION_CUSTOMER_INDEX = "IX_Personalization_Prediction_Customer_Store";

    public override void Up()
    {
        AddWhatIsMissing(Schema, Alter, Create);
    }

    /// <summary>
    /// Gives existing profile and prediction tables what 0.3.0 added. Also run by the schema migration, for tables an
    /// earlier version left behind in a half-finished uninstall (an install marks this migration applied unrun).
    /// </summary>
    internal static void AddWhatIsMissing(ISchemaExpressionRoot schema, IAlterExpressionRoot alter, ICreateExpressionRoot create)
    {
        var profile = PersonalizationTables.PROFILE;
        if (schema.Table(profile).Exists())
        {
            if (!schema.Table(profile).Column(ORDERS).Exists())
                alter.Table(profile).AddColumn(ORDERS).AsInt32().NotNullable().WithDefaultValue(0);
            if (!schema.Table(profile).Column(TOTAL_SPENT).Exists())
                alter.Table(profile).AddColumn(TOTAL_SPENT).AsDecimal(18, 4).NotNullable().WithDefaultValue(0);
            if (!schema.Table(profile).Column(LAST_ORDER_ON_UTC).Exists())
                alter.Table(profile).AddColumn(LAST_ORDER_ON_UTC).AsDateTime2().Nullable();
            if (!schema.Table(profile).Column(MEDIAN_GAP_DAYS).Exists())
                alter.Table(profile).AddColumn(MEDIAN_GAP_DAYS).AsDecimal(9, 1).Nullable();
        }

        if (schema.Table(PersonalizationTables.PREDICTION).Exists() && !schema.Table(PersonalizationTables.PREDICTION).Index(PREDICTION_CUSTOMER_INDEX).Exists())
            CreatePredictionCustomerIndex(create);
    }

    public override void Down()
    {
        //nothing to undo: uninstalling runs the schema migration's Down, which drops the whole table
    }

    internal static void CreatePredictionCustomerIndex(ICreateExpressionRoot create)
    {
        create.Index(PREDICTION_CUSTOMER_INDEX).OnTable(PersonalizationTables.PREDICTION)
            .OnColumn("CustomerId").Ascending()
            .OnColumn("StoreId").Ascending();
    }
}
