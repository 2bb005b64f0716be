using System.Reflection;

namespace Nop.Plugin.Misc.Personalization.Tests.Guards;

/// <summary>Every reference of the built plugin dll must bind in a 4.90.6 shop (nop-api.md §11).</summary>
[TestFixture]
public class AssemblyReferenceTests
{
    [Test]
    public void PluginReferencesOnlyWhatA490ShopLoads()
    {
        var references = AssemblyReferences.Of(RepositoryPaths.PluginDll());
        foreach (var reference in references)
            TestContext.Out.WriteLine(reference.FullName);

        ShopBindingRules.ForNet9SharedFramework().Violations(references).Should().BeEmpty();
    }

    [Test]
    public void PluginReferencesFluentMigratorAtTheShopsVersionAndKey()
    {
        var fluentMigrator = AssemblyReferences.Of(RepositoryPaths.PluginDll())
            .Where(reference => reference.Name.StartsWith("FluentMigrator", StringComparison.Ordinal))
            .ToList();

        fluentMigrator.Should().NotBeEmpty("the schema migration derives from FluentMigrator.Migration");
        foreach (var reference in fluentMigrator)
        {
            reference.Version.Should().Be(new Version(7, 1, 0, 0));
            Convert.ToHexString(reference.GetPublicKeyToken()).ToLowerInvariant().Should().Be("aacfc7de5acabf05");
        }
    }

    [Test]
    public void RulesRejectNewerUnknownAndForbiddenReferences()
    {
        var rules = ShopBindingRules.ForNet9SharedFramework();
        var references = new[]
        {
            Named("FluentMigrator, Version=8.0.1.0, Culture=neutral, PublicKeyToken=aacfc7de5acabf05"),
            Named("FluentMigrator.Abstractions, Version=7.1.0.0, Culture=neutral, PublicKeyToken=null"),
            Named("linq2db, Version=5.4.1.0, Culture=neutral, PublicKeyToken=e41013125f9e410a"),
            Named("Nop.Core, Version=4.90.1.0"),
            Named("System.Runtime, Version=10.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"),
            Named("Sylvan.Data.Csv, Version=1.4.4.0"),
            Named("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed"),
            Named("Microsoft.AspNetCore.Mvc.Core, Version=9.0.0.0, Culture=neutral, PublicKeyToken=adb9793829ddae60")
        };

        var violations = rules.Violations(references);

        violations.Should().HaveCount(6);
        violations.Should().NotContain(violation => violation.StartsWith("Newtonsoft.Json") || violation.StartsWith("Microsoft.AspNetCore.Mvc.Core"));
    }

    [Test]
    public void DllCompiledAgainstTheRealFluentMigratorIsRejected()
    {
        var image = InMemoryCompiler.Compile("CompiledAgainstRealFluentMigrator",
            "public class CreateTables : FluentMigrator.Migration { public override void Up() { } public override void Down() { } }",
            RepositoryPaths.RealFluentMigratorDlls());

        var references = AssemblyReferences.Of(new MemoryStream(image));
        var violations = ShopBindingRules.ForNet9SharedFramework().Violations(references);

        violations.Should().Contain(violation => violation.StartsWith("FluentMigrator, Version=8.0.1.0"));
    }

    private static AssemblyName Named(string fullName) => new(fullName);
}
