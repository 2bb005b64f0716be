using FluentMigrator;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Schema;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Migrations;

/// <summary>
/// Plugin 0.5.0: the erasure log that tells every node which customers to forget in memory. Created here for an
/// installed plugin (a fresh install gets it from <see cref="SchemaMigration"/>).
/// </summary>
[NopMigration("2026/12/06 10:17:00:0000000", "Misc.Personalization erasure log", MigrationProcessType.Update)]
public class ErasureMigration : Migration
{
    public const string ERASED_ON_INDEX = "IX_Personalization_Erasure_ErasedOn";

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
        if (schema.Table(PersonalizationTables.ERASURE).Exists())
            return;

        create.Table(PersonalizationTables.ERASURE)
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("CustomerId").AsInt32().NotNullable()
            .WithColumn("ErasedOnUtc").AsDateTime2().NotNullable();

        create.Index(ERASED_ON_INDEX).OnTable(PersonalizationTables.ERASURE)
            .OnColumn("ErasedOnUtc").Ascending();
    }
}
