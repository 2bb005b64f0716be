using FluentMigrator;
using FluentMigrator.Builders.Alter;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Schema;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Migrations;

/// <summary>
/// Issue #12: profiles carry the customer's e-mail engagement of the last 90 days, and the e-mail send log, now the one
/// record of sends, is read by period for the performance report. Profile columns start empty (the next insights run
/// fills them); sends earlier versions recorded only as events are moved into the log by <c>LegacyEmailSendConversion</c>.
/// A fresh install gets the same through <see cref="SchemaMigration"/>.
/// </summary>
[NopMigration("2026/12/08 14:00:00:0000000", "Misc.Personalization e-mail engagement", MigrationProcessType.Update)]
public class EmailEngagementMigration : Migration
{
    public const string EMAILS_SENT = "EmailsSent90Days";
    public const string EMAILS_OPENED = "EmailsOpened90Days";
    public const string EMAILS_CLICKED = "EmailsClicked90Days";
    public const string LAST_EMAIL_OPEN = "LastEmailOpenOnUtc";
    public const string LAST_EMAIL_CLICK = "LastEmailClickOnUtc";
    public const string EMAIL_CLICK_RATE = "EmailClickRate";
    public const string EMAIL_SEND_PERIOD_INDEX = "IX_Personalization_EmailSend_Sent_Store";

    public override void Up()
    {
        AddWhatIsMissing(Schema, Alter, Create);
    }

    internal static void AddWhatIsMissing(ISchemaExpressionRoot schema, IAlterExpressionRoot alter, ICreateExpressionRoot create)
    {
        var profile = PersonalizationTables.PROFILE;
        if (schema.Table(profile).Exists())
        {
            foreach (var count in new[] { EMAILS_SENT, EMAILS_OPENED, EMAILS_CLICKED })
            {
                if (!schema.Table(profile).Column(count).Exists())
                    alter.Table(profile).AddColumn(count).AsInt32().Nullable();
            }

            foreach (var time in new[] { LAST_EMAIL_OPEN, LAST_EMAIL_CLICK })
            {
                if (!schema.Table(profile).Column(time).Exists())
                    alter.Table(profile).AddColumn(time).AsDateTime2().Nullable();
            }

            if (!schema.Table(profile).Column(EMAIL_CLICK_RATE).Exists())
                alter.Table(profile).AddColumn(EMAIL_CLICK_RATE).AsDecimal(9, 4).Nullable();
        }

        var sends = PersonalizationTables.EMAIL_SEND;
        if (schema.Table(sends).Exists() && !schema.Table(sends).Index(EMAIL_SEND_PERIOD_INDEX).Exists())
        {
            create.Index(EMAIL_SEND_PERIOD_INDEX).OnTable(sends)
                .OnColumn("SentOnUtc").Ascending()
                .OnColumn("StoreId").Ascending();
        }
    }

    public override void Down()
    {
        //nothing to undo: uninstalling runs the schema migration's Down, which drops the plugin's tables
    }
}
