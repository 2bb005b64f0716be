using FluentMigrator;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Schema;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Migrations;

/// <summary>
/// Plugin 0.4.0: an index on the events' creation time, so retention deletes the oldest events in short range
/// statements instead of scanning the table (a fresh install gets it from <see cref="SchemaMigration"/>).
/// </summary>
[NopMigration("2026/12/06 09:10:00:0000000", "Misc.Personalization event creation index", MigrationProcessType.Update)]
public class EventCreatedIndexMigration : Migration
{
    public const string INDEX = "IX_Personalization_Event_Created";

    public override void Up()
    {
        CreateIfMissing(Schema, Create);
    }

    public override void Down()
    {
        //nothing to undo: uninstalling runs the schema migration's Down, which drops the whole table
    }

    internal static void CreateIfMissing(ISchemaExpressionRoot schema, ICreateExpressionRoot create)
    {
        if (schema.Table(PersonalizationTables.EVENT).Exists() && !schema.Table(PersonalizationTables.EVENT).Index(INDEX).Exists())
            create.Index(INDEX).OnTable(PersonalizationTables.EVENT).OnColumn("CreatedOnUtc").Ascending();
    }
}
