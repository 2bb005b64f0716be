using System.Reflection;
using FluentMigrator;
using LinkCheck;

namespace Nop.Plugin.Misc.Personalization.Tests.Guards;

/// <summary>
/// The plugin is compiled against a FluentMigrator 7.1.0.0 surface; these prove that what it references exists, on the
/// same types with the same signatures, in the real FluentMigrator, and that the tests run on the real one.
/// </summary>
[TestFixture]
public class LinkCheckTests
{
    private const string SURFACE_VERSION = "7.1.0.0";

    private string _scratch;

    [SetUp]
    public void CreateScratchFolder()
    {
        _scratch = Path.Combine(Path.GetTempPath(), "linkcheck-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_scratch);
    }

    [TearDown]
    public void DeleteScratchFolder() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public void TheReadmeCommandForAShopIsOneLinkCheckAccepts()
    {
        var command = File.ReadLines(Path.Combine(RepositoryPaths.Root(), "README.md"))
            .Single(line => line.Contains("--project tools/LinkCheck", StringComparison.Ordinal));
        var arguments = command[(command.IndexOf(" -- ", StringComparison.Ordinal) + 4)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var options = LinkCheckOptions.Parse(arguments, out var error);

        error.Should().BeNull();
        options.Assemblies.Should().ContainSingle().Which.Should().EndWith(RepositoryPaths.PLUGIN_DLL);
        options.RealPaths.Should().Equal("/path/to/shop/bin");
    }

    [Test]
    public void PluginAndNopDataSurfaceLinkAgainstTheRealFluentMigrator()
    {
        var options = new LinkCheckOptions();
        options.Assemblies.AddRange([RepositoryPaths.PluginDll(), RepositoryPaths.NopDataSurfaceDll()]);
        options.RealPaths.AddRange(RepositoryPaths.RealFluentMigratorDlls());
        options.Only.Add("FluentMigrator");

        var report = LinkChecker.Run(options);

        report.Failures.Select(failure => failure.ToString()).Should().BeEmpty();
        report.Counts.GetValueOrDefault("member references").Should().BePositive("the plugin's migration calls FluentMigrator");
        report.Counts.GetValueOrDefault("assembly references").Should().BePositive();
    }

    [Test]
    public void FluentMigratorSurfaceMatchesTheRealAssemblies()
    {
        var options = new LinkCheckOptions();
        options.Facades.AddRange(RepositoryPaths.FluentMigratorSurfaceDlls());
        options.RealPaths.AddRange(RepositoryPaths.RealFluentMigratorDlls());

        var report = LinkChecker.Run(options);

        report.Failures.Select(failure => failure.ToString()).Should().BeEmpty();
        report.Counts.GetValueOrDefault("surface members").Should().BePositive();
    }

    [Test]
    public void TestsLoadTheRealFluentMigratorAndThePluginBindsToIt()
    {
        var plugin = Assembly.LoadFrom(RepositoryPaths.PluginDll());
        var migrations = plugin.GetTypes().Where(type => typeof(MigrationBase).IsAssignableFrom(type) && !type.IsAbstract).ToList();
        migrations.Should().NotBeEmpty();
        foreach (var migration in migrations)
            Activator.CreateInstance(migration).Should().BeAssignableTo<IMigration>();

        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .Where(assembly => assembly.GetName().Name.StartsWith("FluentMigrator", StringComparison.Ordinal))
            .ToList();
        loaded.Select(assembly => assembly.GetName().Name).Should().Contain(["FluentMigrator", "FluentMigrator.Abstractions"]);
        foreach (var assembly in loaded)
        {
            assembly.GetName().Version.Should().BeGreaterThan(Version.Parse(SURFACE_VERSION), $"{assembly.Location} must be the real package, not the surface");
            assembly.Location.Should().NotContain("NopReference");
        }

        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "FluentMigrator*.dll"))
            AssemblyName.GetAssemblyName(file).Version.Should().NotBe(Version.Parse(SURFACE_VERSION), $"{file} must not be the surface");
    }

    [Test]
    public void MemberDeclaredOnTheWrongInterfaceIsReported()
    {
        var consumer = CompileAgainstBrokenSurface(
            """
            public static class Uses
            {
                public static object Column(FluentMigrator.Builders.Create.Table.ICreateTableColumnAsTypeSyntax column) => column.AsInt32();
            }
            """);

        var failures = CheckConsumer(consumer);

        failures.Should().ContainSingle(failure => failure.Contains("::AsInt32") && failure.Contains("IColumnTypeSyntax`1"));
    }

    [Test]
    public void InterfaceMemberMissingFromTheSurfaceIsReported()
    {
        var consumer = CompileAgainstBrokenSurface(
            """
            public class HalfMigration : FluentMigrator.IMigration
            {
                public string ConnectionString => "";
                public void GetUpExpressions(FluentMigrator.Infrastructure.IMigrationContext context) { }
            }
            """);

        var failures = CheckConsumer(consumer);

        failures.Should().ContainSingle(failure => failure.Contains("HalfMigration") && failure.Contains("GetDownExpressions"));
    }

    [Test]
    public void BrokenSurfaceIsReportedByTheSurfaceCheck()
    {
        var surface = BrokenSurface();
        var options = new LinkCheckOptions();
        options.Facades.Add(surface);
        options.RealPaths.AddRange(RepositoryPaths.RealFluentMigratorDlls());

        var failures = LinkChecker.Run(options).Failures.Select(failure => failure.ToString()).ToList();

        failures.Should().Contain(failure => failure.Contains("ICreateTableColumnAsTypeSyntax::AsInt32"));
        failures.Should().Contain(failure => failure.Contains("ICreateTableColumnAsTypeSyntax") && failure.Contains("interfaces differ"));
    }

    [Test]
    public void ReferenceNewerThanTheRealAssemblyIsReported()
    {
        var surface = InMemoryCompiler.CompileToFile(_scratch, "FluentMigrator.Abstractions",
            """
            [assembly: System.Reflection.AssemblyVersion("99.0.0.0")]
            namespace FluentMigrator { public interface IMigration { } }
            """, [], RealPublicKey());
        var consumer = InMemoryCompiler.CompileToFile(_scratch, "Consumer",
            "public class Holder { public FluentMigrator.IMigration Migration; }", [surface]);
        File.Delete(surface);

        var failures = CheckConsumer(consumer);

        failures.Should().ContainSingle(failure => failure.Contains("FluentMigrator.Abstractions, Version=99.0.0.0") && failure.Contains("binds only"));
    }

    private List<string> CheckConsumer(string consumer)
    {
        var options = new LinkCheckOptions();
        options.Assemblies.Add(consumer);
        options.RealPaths.AddRange(RepositoryPaths.RealFluentMigratorDlls());
        return LinkChecker.Run(options).Failures.Select(failure => failure.ToString()).ToList();
    }

    private string CompileAgainstBrokenSurface(string consumerSource)
    {
        var surface = BrokenSurface();
        var consumerFolder = Directory.CreateDirectory(Path.Combine(_scratch, "consumer")).FullName;
        return InMemoryCompiler.CompileToFile(consumerFolder, "Consumer", consumerSource, [surface]);
    }

    /// <summary>
    /// A surface with the real name, version and key, but AsInt32 declared on the derived interface instead of
    /// IColumnTypeSyntax&lt;TNext&gt;, and IMigration missing a member: both compile and both fail in a real shop.
    /// </summary>
    private string BrokenSurface()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_scratch, "surface")).FullName;
        return InMemoryCompiler.CompileToFile(folder, "FluentMigrator.Abstractions",
            $$"""
            [assembly: System.Reflection.AssemblyVersion("{{SURFACE_VERSION}}")]
            namespace FluentMigrator.Infrastructure
            {
                public interface IFluentSyntax { }
                public interface IMigrationContext { }
            }
            namespace FluentMigrator
            {
                public interface IMigration
                {
                    string ConnectionString { get; }
                    void GetUpExpressions(FluentMigrator.Infrastructure.IMigrationContext context);
                }
            }
            namespace FluentMigrator.Builders.Create.Table
            {
                public interface ICreateTableColumnOptionOrWithColumnSyntax : FluentMigrator.Infrastructure.IFluentSyntax { }
                public interface ICreateTableColumnAsTypeSyntax : FluentMigrator.Infrastructure.IFluentSyntax
                {
                    ICreateTableColumnOptionOrWithColumnSyntax AsInt32();
                }
            }
            """, [], RealPublicKey());
    }

    private static byte[] RealPublicKey() => typeof(IMigration).Assembly.GetName().GetPublicKey();
}
