namespace Nop.Plugin.Misc.Personalization.Tests.Data.Portability;

/// <summary>
/// The DDL check finds what each engine refuses, so a clean result for the plugin's migrations means something.
/// </summary>
[TestFixture]
public class DdlCheckTests
{
    [Test]
    public void AnIdentifierLongerThanSqlServerAllowsIsReported()
    {
        var name = "IX_" + new string('x', 126);

        var violations = DdlCheck.Violations([$"CREATE INDEX [{name}] ON [dbo].[T] ([A] ASC)", "CREATE TABLE [dbo].[T] ([A] INT NOT NULL)"], DdlLimits.SqlServer);

        violations.Should().Contain(violation => violation.Contains(name) && violation.Contains("128"));
    }

    [Test]
    public void AnIdentifierLongerThanMySqlAllowsIsReportedWhereSqlServerTakesIt()
    {
        var table = "Personalization_" + new string('t', 50);
        string[] ddl = [$"CREATE TABLE `{table}` (`Id` INTEGER NOT NULL, PRIMARY KEY (`Id`))"];

        DdlCheck.Violations(ddl, DdlLimits.MySql).Should().ContainSingle().Which.Should().Contain("64");
        DdlCheck.Violations([$"CREATE TABLE [dbo].[{table}] ([Id] INT NOT NULL, CONSTRAINT [PK] PRIMARY KEY ([Id]))"], DdlLimits.SqlServer).Should().BeEmpty();
    }

    [Test]
    public void AnNvarcharMaxColumnInAnIndexIsReported()
    {
        string[] ddl = ["CREATE TABLE [dbo].[T] ([Id] INT NOT NULL, [Body] NVARCHAR(MAX))", "CREATE INDEX [IX_T_Body] ON [dbo].[T] ([Body] ASC)"];

        DdlCheck.Violations(ddl, DdlLimits.SqlServer).Should().ContainSingle().Which.Should().Contain("cannot be an index key");
    }

    [Test]
    public void AnIndexKeyOverSqlServersNonclusteredLimitIsReportedAndOneJustUnderIsNot()
    {
        //two nvarchar(425) = 1700 bytes: the limit; one int more is over it
        string[] table = ["CREATE TABLE [dbo].[T] ([A] NVARCHAR(425), [B] NVARCHAR(425), [C] INT NOT NULL)"];

        DdlCheck.Violations([.. table, "CREATE INDEX [IX_AB] ON [dbo].[T] ([A] ASC, [B] ASC)"], DdlLimits.SqlServer).Should().BeEmpty();
        DdlCheck.Violations([.. table, "CREATE INDEX [IX_ABC] ON [dbo].[T] ([A] ASC, [B] ASC, [C] ASC)"], DdlLimits.SqlServer)
            .Should().ContainSingle().Which.Should().Contain("1704 bytes");
    }

    [Test]
    public void AClusteredKeyIsHeldToNineHundredBytes()
    {
        string[] ddl = ["CREATE TABLE [dbo].[T] ([Code] NVARCHAR(451) NOT NULL, CONSTRAINT [PK_T] PRIMARY KEY ([Code]))"];

        DdlCheck.Violations(ddl, DdlLimits.SqlServer).Should().ContainSingle().Which.Should().Contain("902 bytes");
    }

    [Test]
    public void AMySqlVarcharKeyIsMeasuredInFourByteCharacters()
    {
        string[] ddl = ["CREATE TABLE `T` (`Name` NVARCHAR(800) NOT NULL)", "CREATE INDEX `IX_T_Name` ON `T` (`Name` ASC)"];

        DdlCheck.Violations(ddl, DdlLimits.MySql).Should().ContainSingle().Which.Should().Contain("3202 bytes");
    }

    [Test]
    public void ATypeSqlServerLacksIsReported()
    {
        DdlCheck.Violations(["CREATE TABLE [dbo].[T] ([Flag] BOOLEAN NOT NULL)"], DdlLimits.SqlServer)
            .Should().ContainSingle().Which.Should().Contain("BOOLEAN");
    }
}
