using FluentMigrator;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Migrations;

/// <summary>
/// Plugin 0.2.0: model snapshots are stored in parts. Adds the part columns to a table created by 0.1.0 (a fresh install
/// gets them from <see cref="SchemaMigration"/>); existing rows become single-part versions.
/// </summary>
[NopMigration("2026/11/27 09:00:00:0000000", "Misc.Personalization snapshot parts", MigrationProcessType.Update)]
public class SnapshotPartsMigration : Migration
{
    public const string PART = "Part";
    public const string PART_COUNT = "PartCount";

    public override void Up()
    {
        if (!Schema.Table(PersonalizationTables.MODEL_SNAPSHOT).Exists())
            return;

        if (!Schema.Table(PersonalizationTables.MODEL_SNAPSHOT).Column(PART).Exists())
            Alter.Table(PersonalizationTables.MODEL_SNAPSHOT).AddColumn(PART).AsInt32().NotNullable().WithDefaultValue(0);

        if (!Schema.Table(PersonalizationTables.MODEL_SNAPSHOT).Column(PART_COUNT).Exists())
            Alter.Table(PersonalizationTables.MODEL_SNAPSHOT).AddColumn(PART_COUNT).AsInt32().NotNullable().WithDefaultValue(1);
    }

    public override void Down()
    {
        //nothing to undo: uninstalling runs the schema migration's Down, which drops the whole table
    }
}
