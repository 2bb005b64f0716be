using FluentMigrator;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Schema;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.Personalization.Data;
using Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;

namespace Nop.Plugin.Misc.Personalization.Migrations;

/// <summary>
/// Abandoned-cart e-mails: the cart state last e-mailed per customer and store, and the log of every plugin e-mail the
/// shared frequency cap reads. Created here for an installed plugin (a fresh install gets them from
/// <see cref="SchemaMigration"/>).
/// </summary>
[NopMigration("2026/12/07 12:00:00:0000000", "Misc.Personalization abandoned-cart e-mails", MigrationProcessType.Update)]
public class AbandonedCartMigration : Migration
{
    public const string CART_REMINDER_INDEX = "IX_Personalization_CartReminder_Customer_Store";
    public const string EMAIL_SEND_INDEX = "IX_Personalization_EmailSend_Customer_Sent";

    public override void Up()
    {
        CreateIfMissing(Schema, Create);
    }

    public override void Down()
    {
        //nothing to undo: uninstalling runs the schema migration's Down, which drops the plugin's tables
    }

    internal static void CreateIfMissing(ISchemaExpressionRoot schema, ICreateExpressionRoot create)
    {
        if (!schema.Table(PersonalizationTables.CART_REMINDER).Exists())
        {
            create.Table(PersonalizationTables.CART_REMINDER)
                .WithColumn("Id").AsInt32().PrimaryKey().Identity()
                .WithColumn("CustomerId").AsInt32().NotNullable()
                .WithColumn("StoreId").AsInt32().NotNullable()
                .WithColumn("Fingerprint").AsString(CartFingerprint.LENGTH).NotNullable()
                .WithColumn("CartChangedOnUtc").AsDateTime2().NotNullable()
                .WithColumn("FirstSentOnUtc").AsDateTime2().NotNullable()
                .WithColumn("SecondSentOnUtc").AsDateTime2().Nullable();

            //one row per customer and store, whichever node writes it
            create.Index(CART_REMINDER_INDEX).OnTable(PersonalizationTables.CART_REMINDER)
                .OnColumn("CustomerId").Ascending()
                .OnColumn("StoreId").Ascending()
                .WithOptions().Unique();
        }

        if (!schema.Table(PersonalizationTables.EMAIL_SEND).Exists())
        {
            create.Table(PersonalizationTables.EMAIL_SEND)
                .WithColumn("Id").AsInt32().PrimaryKey().Identity()
                .WithColumn("CustomerId").AsInt32().NotNullable()
                .WithColumn("StoreId").AsInt32().NotNullable()
                .WithColumn("Kind").AsInt32().NotNullable()
                .WithColumn("SentOnUtc").AsDateTime2().NotNullable();

            create.Index(EMAIL_SEND_INDEX).OnTable(PersonalizationTables.EMAIL_SEND)
                .OnColumn("CustomerId").Ascending()
                .OnColumn("SentOnUtc").Ascending();
            //the report's period index, which EmailEngagementMigration adds to tables created before it
            create.Index(EmailEngagementMigration.EMAIL_SEND_PERIOD_INDEX).OnTable(PersonalizationTables.EMAIL_SEND)
                .OnColumn("SentOnUtc").Ascending()
                .OnColumn("StoreId").Ascending();
        }
    }
}
