using FluentMigrator;
using FluentMigrator.Builders.Alter;
using FluentMigrator.Builders.Schema;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Migrations;

/// <summary>
/// Plugin 0.6.0: a placement can load after the page (with the height it reserves meanwhile). Existing placements keep
/// rendering with the page. A fresh install gets the columns from <see cref="SchemaMigration"/>.
/// </summary>
[NopMigration("2026/12/06 14:00:00:0000000", "Misc.Personalization placements loaded after the page", MigrationProcessType.Update)]
public class AfterPageLoadingMigration : Migration
{
    public const string LOAD_AFTER_PAGE = "LoadAfterPage";
    public const string RESERVED_HEIGHT = "ReservedHeight";

    public override void Up()
    {
        AddWhatIsMissing(Schema, Alter);
    }

    internal static void AddWhatIsMissing(ISchemaExpressionRoot schema, IAlterExpressionRoot alter)
    {
        var placement = PersonalizationTables.PLACEMENT;
        if (!schema.Table(placement).Exists())
            return;

        if (!schema.Table(placement).Column(LOAD_AFTER_PAGE).Exists())
            alter.Table(placement).AddColumn(LOAD_AFTER_PAGE).AsBoolean().NotNullable().WithDefaultValue(false);
        if (!schema.Table(placement).Column(RESERVED_HEIGHT).Exists())
            alter.Table(placement).AddColumn(RESERVED_HEIGHT).AsInt32().NotNullable().WithDefaultValue(0);
    }

    public override void Down()
    {
        //nothing to undo: uninstalling runs the schema migration's Down, which drops the plugin's tables
    }
}
