using Nop.Plugin.Misc.Personalization.Data;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Portability;

/// <summary>
/// No SQL Server runs here, so the DDL the plugin's migrations generate for it is checked for what SQL Server refuses;
/// MySQL's limits are checked the same way besides the real MariaDB runs, since they depend on the character set.
/// </summary>
[TestFixture]
public class MigrationDdlTests
{
    [Test]
    public void SqlServerAcceptsTheDdlOfEveryMigration()
    {
        var ddl = MigrationDdl.SqlServer();

        DdlCheck.Violations(ddl, DdlLimits.SqlServer).Should().BeEmpty();
    }

    [Test]
    public void MySqlAcceptsTheDdlOfEveryMigrationEvenWithFourByteCharacters()
    {
        var ddl = MigrationDdl.MySql();

        DdlCheck.Violations(ddl, DdlLimits.MySql).Should().BeEmpty();
    }

    [Test]
    public void TheGeneratedSqlServerDdlCreatesEveryTableAndIndex()
    {
        var ddl = string.Join("\n", MigrationDdl.SqlServer());

        foreach (var table in PersonalizationTables.ByEntity.Values)
            ddl.Should().Contain($"CREATE TABLE [dbo].[{table}]");
        ddl.Should().Contain("CREATE UNIQUE INDEX [IX_Personalization_Lock_Name]");
        ddl.Should().Contain("ALTER TABLE [dbo].[Personalization_Profile] ALTER COLUMN [Recency] INT NOT NULL", "the update migrations are generated too");
    }

    [Test]
    public void StringsWithoutALengthAreNvarcharMaxOnSqlServerAndLongTextOnMySql()
    {
        string.Join("\n", MigrationDdl.SqlServer()).Should().Contain("[RuleDefinition] NVARCHAR(MAX)");
        string.Join("\n", MigrationDdl.MySql()).Should().Contain("`RuleDefinition` LONGTEXT");
    }
}
