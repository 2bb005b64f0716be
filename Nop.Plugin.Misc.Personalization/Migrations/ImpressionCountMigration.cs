using FluentMigrator;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Schema;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Migrations;

/// <summary>
/// Plugin 0.7.0: impressions are daily counters per placement instead of one event row per render. Impression rows
/// recorded by earlier versions are turned into counters by the daily retention run (<c>LegacyImpressionConversion</c>).
/// A fresh install gets the table from <see cref="SchemaMigration"/>.
/// </summary>
[NopMigration("2026/12/06 16:00:00:0000000", "Misc.Personalization impression counters", MigrationProcessType.Update)]
public class ImpressionCountMigration : Migration
{
    public const string COUNTER = "Counter";
    public const int COUNTER_LENGTH = 200;
    public const string DAY_INDEX = "IX_Personalization_ImpressionCount_Day";

    public override void Up()
    {
        CreateIfMissing(Schema, Create);
    }

    internal static void CreateIfMissing(ISchemaExpressionRoot schema, ICreateExpressionRoot create)
    {
        var table = PersonalizationTables.IMPRESSION_COUNT;
        if (schema.Table(table).Exists())
            return;

        create.Table(table)
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("StoreId").AsInt32().NotNullable()
            .WithColumn("PlacementId").AsInt32().NotNullable()
            .WithColumn("DayUtc").AsDateTime2().NotNullable()
            .WithColumn(COUNTER).AsString(COUNTER_LENGTH).NotNullable()
            .WithColumn("Renders").AsInt32().NotNullable()
            .WithColumn("ProductsShown").AsInt64().NotNullable()
            .WithColumn(ImpressionHealthMigration.HIDDEN_RENDERS).AsInt32().NotNullable().WithDefaultValue(0)
            .WithColumn(ImpressionHealthMigration.ZONE_RENDERS).AsInt32().NotNullable().WithDefaultValue(0);
        //the report reads a period of days; each process finds its own rows of the day
        create.Index(DAY_INDEX).OnTable(table)
            .OnColumn("DayUtc").Ascending()
            .OnColumn(COUNTER).Ascending();
    }

    public override void Down()
    {
        //nothing to undo: uninstalling runs the schema migration's Down, which drops the plugin's tables
    }
}
