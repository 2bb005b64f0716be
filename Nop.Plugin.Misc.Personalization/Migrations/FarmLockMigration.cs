using FluentMigrator;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Schema;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Migrations;

/// <summary>
/// The lock table that lets only one web-farm node train or backfill at a time (nopCommerce's own locker is per node
/// unless a distributed cache is configured, and even then checks and sets in two steps). Created here for an installed
/// plugin (a fresh install gets it from <see cref="SchemaMigration"/>).
/// </summary>
[NopMigration("2026/12/06 16:30:00:0000000", "Misc.Personalization farm lock", MigrationProcessType.Update)]
public class FarmLockMigration : Migration
{
    public const int NAME_LENGTH = 100;
    public const int HOLDER_LENGTH = 200;
    public const string NAME_INDEX = "IX_Personalization_Lock_Name";

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
        if (schema.Table(PersonalizationTables.LOCK).Exists())
            return;

        create.Table(PersonalizationTables.LOCK)
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("Name").AsString(NAME_LENGTH).NotNullable()
            .WithColumn("Holder").AsString(HOLDER_LENGTH).NotNullable()
            .WithColumn("AcquiredOnUtc").AsDateTime2().NotNullable()
            .WithColumn("ExpiresOnUtc").AsDateTime2().NotNullable();

        //what makes the lock a lock: a second row for a name is refused by the database, whichever node inserts it
        create.Index(NAME_INDEX).OnTable(PersonalizationTables.LOCK)
            .OnColumn("Name").Ascending()
            .WithOptions().Unique();
    }
}
