using FluentMigrator;
using FluentMigrator.Builders.Create;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Migrations;

/// <summary>
/// Plugin 0.2.0: model snapshots are stored in parts. Gives a table created by 0.1.0 the part columns and the unique
/// index that makes a second writer of the same version fail instead of mixing its parts in (a fresh install gets both
/// from <see cref="SchemaMigration"/>). The 0.1.0 rows are deleted: models are derived data, retrained within the
/// hour, and rows two nodes once saved under one version would break the unique index.
/// </summary>
[NopMigration("2026/11/27 09:00:00:0000000", "Misc.Personalization snapshot parts", MigrationProcessType.Update)]
public class SnapshotPartsMigration : Migration
{
    public const string PART = "Part";
    public const string PART_COUNT = "PartCount";
    public const string UNIQUE_PART_INDEX = "UX_Personalization_ModelSnapshot_Version_Part";
    public const string VERSION_INDEX_010 = "IX_Personalization_ModelSnapshot_Store_Kind_Version";

    public override void Up()
    {
        var table = PersonalizationTables.MODEL_SNAPSHOT;
        if (!Schema.Table(table).Exists())
            return;

        if (!Schema.Table(table).Column(PART).Exists())
        {
            Delete.FromTable(table).AllRows();
            Alter.Table(table).AddColumn(PART).AsInt32().NotNullable().WithDefaultValue(0);
        }

        if (!Schema.Table(table).Column(PART_COUNT).Exists())
            Alter.Table(table).AddColumn(PART_COUNT).AsInt32().NotNullable().WithDefaultValue(1);

        if (Schema.Table(table).Index(VERSION_INDEX_010).Exists())
            Delete.Index(VERSION_INDEX_010).OnTable(table);

        if (!Schema.Table(table).Index(UNIQUE_PART_INDEX).Exists())
            CreateUniquePartIndex(Create);
    }

    public override void Down()
    {
        //nothing to undo: uninstalling runs the schema migration's Down, which drops the whole table
    }

    /// <summary>One row per part of a version: two nodes saving the same version cannot both write a part.</summary>
    internal static void CreateUniquePartIndex(ICreateExpressionRoot create)
    {
        create.Index(UNIQUE_PART_INDEX).OnTable(PersonalizationTables.MODEL_SNAPSHOT)
            .OnColumn("StoreId").Ascending()
            .OnColumn("Kind").Ascending()
            .OnColumn("Version").Ascending()
            .OnColumn(PART).Ascending()
            .WithOptions().Unique();
    }
}
