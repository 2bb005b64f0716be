using FluentMigrator;
using FluentMigrator.Builders.Alter;
using FluentMigrator.Builders.Schema;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Migrations;

/// <summary>
/// Plugin 0.8.0: complement predictions name the purchase they follow and when it was made, so the admin and the
/// shopper can be told "after X, bought on …". Existing rows are replenishment predictions, which have no anchor. A
/// fresh install gets the columns from <see cref="SchemaMigration"/>.
/// </summary>
[NopMigration("2026/12/06 18:30:00:0000000", "Misc.Personalization complement anchors", MigrationProcessType.Update)]
public class ComplementAnchorMigration : Migration
{
    public const string ANCHOR_PRODUCT_ID = "AnchorProductId";
    public const string ANCHOR_ON_UTC = "AnchorOnUtc";

    public override void Up()
    {
        AddWhatIsMissing(Schema, Alter);
    }

    internal static void AddWhatIsMissing(ISchemaExpressionRoot schema, IAlterExpressionRoot alter)
    {
        var prediction = PersonalizationTables.PREDICTION;
        if (!schema.Table(prediction).Exists())
            return;

        if (!schema.Table(prediction).Column(ANCHOR_PRODUCT_ID).Exists())
            alter.Table(prediction).AddColumn(ANCHOR_PRODUCT_ID).AsInt32().NotNullable().WithDefaultValue(0);
        if (!schema.Table(prediction).Column(ANCHOR_ON_UTC).Exists())
            alter.Table(prediction).AddColumn(ANCHOR_ON_UTC).AsDateTime2().Nullable();
    }

    public override void Down()
    {
        //nothing to undo: uninstalling runs the schema migration's Down, which drops the plugin's tables
    }
}
