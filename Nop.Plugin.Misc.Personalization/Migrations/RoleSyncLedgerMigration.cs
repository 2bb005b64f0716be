using FluentMigrator;
using FluentMigrator.Builders.Alter;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Schema;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Migrations;

/// <summary>
/// Plugin 0.5.0: a segment records how its customer role was linked, and the role sync records every mapping it adds
/// (Personalization_RoleMapping) so it removes only those. Roles linked by earlier versions get <c>RoleLink</c> 0 and are
/// not synced until the admin links a role again under the new rules.
/// </summary>
[NopMigration("2026/12/06 10:00:00:0000000", "Misc.Personalization role sync ledger", MigrationProcessType.Update)]
public class RoleSyncLedgerMigration : Migration
{
    public const string ROLE_LINK = "RoleLink";
    public const string ROLE_LINKED_ON_UTC = "RoleLinkedOnUtc";
    public const string ROLE_LINKED_BY = "RoleLinkedByCustomerId";
    public const string ROLE_CUSTOMER_INDEX = "IX_Personalization_RoleMapping_Role_Customer";
    public const string CUSTOMER_INDEX = "IX_Personalization_RoleMapping_Customer";

    public override void Up()
    {
        AddWhatIsMissing(Schema, Alter, Create);
    }

    /// <summary>
    /// Also run by the schema migration (an install marks this migration applied unrun): the segment columns come with
    /// the table there, the ledger table is created here when missing.
    /// </summary>
    internal static void AddWhatIsMissing(ISchemaExpressionRoot schema, IAlterExpressionRoot alter, ICreateExpressionRoot create)
    {
        var segment = PersonalizationTables.SEGMENT;
        if (schema.Table(segment).Exists())
        {
            if (!schema.Table(segment).Column(ROLE_LINK).Exists())
                alter.Table(segment).AddColumn(ROLE_LINK).AsInt32().NotNullable().WithDefaultValue(0);
            if (!schema.Table(segment).Column(ROLE_LINKED_ON_UTC).Exists())
                alter.Table(segment).AddColumn(ROLE_LINKED_ON_UTC).AsDateTime2().Nullable();
            if (!schema.Table(segment).Column(ROLE_LINKED_BY).Exists())
                alter.Table(segment).AddColumn(ROLE_LINKED_BY).AsInt32().NotNullable().WithDefaultValue(0);
        }

        var ledger = PersonalizationTables.ROLE_MAPPING;
        if (schema.Table(ledger).Exists())
            return;

        create.Table(ledger)
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("SegmentId").AsInt32().NotNullable()
            .WithColumn("CustomerRoleId").AsInt32().NotNullable()
            .WithColumn("CustomerId").AsInt32().NotNullable()
            .WithColumn("AddedOnUtc").AsDateTime2().NotNullable();
        create.Index(ROLE_CUSTOMER_INDEX).OnTable(ledger)
            .OnColumn("CustomerRoleId").Ascending()
            .OnColumn("CustomerId").Ascending();
        create.Index(CUSTOMER_INDEX).OnTable(ledger)
            .OnColumn("CustomerId").Ascending();
    }

    public override void Down()
    {
        //nothing to undo: uninstalling runs the schema migration's Down, which drops the plugin's tables
    }
}
