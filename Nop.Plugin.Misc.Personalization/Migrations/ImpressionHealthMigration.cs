using FluentMigrator;
using FluentMigrator.Builders.Alter;
using FluentMigrator.Builders.Schema;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Migrations;

/// <summary>
/// Plugin 0.8.0: the impression counters also count renders hidden for too few products and renders of the placement's
/// widget zone, so the health checklist can tell an owner which zones the theme renders. Rows counted by 0.7.0 start
/// at 0. A fresh install gets the columns through <see cref="SchemaMigration"/>.
/// </summary>
[NopMigration("2026/12/06 19:00:00:0000000", "Misc.Personalization hidden and zone renders", MigrationProcessType.Update)]
public class ImpressionHealthMigration : Migration
{
    public const string HIDDEN_RENDERS = "HiddenRenders";
    public const string ZONE_RENDERS = "ZoneRenders";

    public override void Up()
    {
        AddWhatIsMissing(Schema, Alter);
    }

    internal static void AddWhatIsMissing(ISchemaExpressionRoot schema, IAlterExpressionRoot alter)
    {
        var table = PersonalizationTables.IMPRESSION_COUNT;
        if (!schema.Table(table).Exists())
            return;

        if (!schema.Table(table).Column(HIDDEN_RENDERS).Exists())
            alter.Table(table).AddColumn(HIDDEN_RENDERS).AsInt32().NotNullable().WithDefaultValue(0);
        if (!schema.Table(table).Column(ZONE_RENDERS).Exists())
            alter.Table(table).AddColumn(ZONE_RENDERS).AsInt32().NotNullable().WithDefaultValue(0);
    }

    public override void Down()
    {
        //nothing to undo: uninstalling runs the schema migration's Down, which drops the plugin's tables
    }
}
