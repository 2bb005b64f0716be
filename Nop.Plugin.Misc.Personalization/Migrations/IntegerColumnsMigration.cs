using FluentMigrator;
using FluentMigrator.Builders.Alter;
using FluentMigrator.Builders.Schema;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Migrations;

/// <summary>
/// Plugin 0.4.0: the event type, prediction kind and profile scores become int columns. Up to 0.3.0 they were byte
/// properties on byte columns, and nopCommerce maps no byte property, so in a shop every insert left them NULL and
/// failed on NOT NULL. Widening keeps whatever a table holds (a fresh install gets int columns from
/// <see cref="SchemaMigration"/>).
/// </summary>
[NopMigration("2026/12/06 09:00:00:0000000", "Misc.Personalization integer columns", MigrationProcessType.Update)]
public class IntegerColumnsMigration : Migration
{
    public static IReadOnlyDictionary<string, string[]> WidenedColumns { get; } = new Dictionary<string, string[]>
    {
        [PersonalizationTables.EVENT] = ["EventType"],
        [PersonalizationTables.PREDICTION] = ["Kind"],
        [PersonalizationTables.PROFILE] = ["Recency", "Frequency", "Monetary", "LifecycleStage"]
    };

    public override void Up()
    {
        WidenWhereMissing(Schema, Alter, WidenedColumns.Keys);
    }

    /// <summary>
    /// Widens the columns of the given tables. Also run by the schema migration for tables an earlier version left
    /// behind in a half-finished uninstall (an install marks this migration applied unrun).
    /// </summary>
    internal static void WidenWhereMissing(ISchemaExpressionRoot schema, IAlterExpressionRoot alter, IEnumerable<string> tables)
    {
        foreach (var table in tables)
        {
            if (!WidenedColumns.TryGetValue(table, out var columns) || !schema.Table(table).Exists())
                continue;

            foreach (var column in columns.Where(column => schema.Table(table).Column(column).Exists()))
                alter.Table(table).AlterColumn(column).AsInt32().NotNullable();
        }
    }

    public override void Down()
    {
        //nothing to undo: uninstalling runs the schema migration's Down, which drops the whole table
    }
}
