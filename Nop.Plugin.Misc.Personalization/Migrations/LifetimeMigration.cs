using FluentMigrator;
using FluentMigrator.Builders.Alter;
using FluentMigrator.Builders.Schema;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Migrations;

/// <summary>
/// Issue #13: profiles carry the predicted lifetime (P(alive) and expected purchases in 90 days). Profiles are derived
/// data, so the columns start empty and the next insights run fills them. A fresh install gets them through
/// <see cref="SchemaMigration"/>.
/// </summary>
[NopMigration("2026/12/07 13:00:00:0000000", "Misc.Personalization predicted lifetime", MigrationProcessType.Update)]
public class LifetimeMigration : Migration
{
    public const string PROBABILITY_ALIVE = "ProbabilityAlive";
    public const string EXPECTED_PURCHASES_90_DAYS = "ExpectedPurchases90Days";

    public override void Up()
    {
        AddWhatIsMissing(Schema, Alter);
    }

    internal static void AddWhatIsMissing(ISchemaExpressionRoot schema, IAlterExpressionRoot alter)
    {
        var table = PersonalizationTables.PROFILE;
        if (!schema.Table(table).Exists())
            return;

        if (!schema.Table(table).Column(PROBABILITY_ALIVE).Exists())
            alter.Table(table).AddColumn(PROBABILITY_ALIVE).AsDecimal(9, 4).Nullable();
        if (!schema.Table(table).Column(EXPECTED_PURCHASES_90_DAYS).Exists())
            alter.Table(table).AddColumn(EXPECTED_PURCHASES_90_DAYS).AsDecimal(9, 2).Nullable();
    }

    public override void Down()
    {
        //nothing to undo: uninstalling runs the schema migration's Down, which drops the plugin's tables
    }
}
