using System.IO.Compression;
using System.Text;

namespace Nop.Plugin.Misc.Personalization.Tests.Guards;

/// <summary>The uploadable zip holds exactly the plugin's own files, laid out as nopCommerce expects.</summary>
[TestFixture]
public class PackageContentTests
{
    private const string PREFIX = PluginPackageInspector.SYSTEM_NAME + "/";
    private const string VALID_DESCRIPTOR =
        """{ "Group": "Misc", "SystemName": "Misc.Personalization", "SupportedVersions": [ "4.90" ], "FileName": "Nop.Plugin.Misc.Personalization.dll" }""";

    [Test]
    public void PackageHoldsOnlyThePluginsOwnFiles()
    {
        using var zip = ZipFile.OpenRead(PluginPackage.EnsureFresh());
        foreach (var entry in zip.Entries)
            TestContext.Out.WriteLine(entry.FullName);

        PluginPackageInspector.Problems(zip, PluginPackage.SourceViews()).Should().BeEmpty();
    }

    [Test]
    public void PackagedPluginDllBindsInA490Shop()
    {
        using var zip = ZipFile.OpenRead(PluginPackage.EnsureFresh());
        using var image = new MemoryStream();
        using (var dll = zip.GetEntry(PREFIX + RepositoryPaths.PLUGIN_DLL).Open())
            dll.CopyTo(image);
        image.Position = 0;

        ShopBindingRules.ForNet9SharedFramework().Violations(AssemblyReferences.Of(image)).Should().BeEmpty();
    }

    [Test]
    public void PackageShipsTheLibrariesThePluginReferencesAndTheyBindInA490Shop()
    {
        using var zip = ZipFile.OpenRead(PluginPackage.EnsureFresh());
        var rules = ShopBindingRules.ForNet9SharedFramework();

        foreach (var (library, version) in ShopBindingRules.ShippedLibraries)
        {
            var entry = zip.GetEntry(PREFIX + library + ".dll");
            entry.Should().NotBeNull($"the plugin references {library}, which a 4.90.6 shop does not load");
            using var image = new MemoryStream();
            using (var dll = entry.Open())
                dll.CopyTo(image);
            image.Position = 0;
            using (var reader = new System.Reflection.PortableExecutable.PEReader(image, System.Reflection.PortableExecutable.PEStreamOptions.LeaveOpen))
                System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader).GetAssemblyDefinition().Version.Should().Be(version);
            image.Position = 0;

            //Lucene.NET's own references (J2N, Microsoft.Extensions.Configuration.Abstractions 8, the runtime) must bind too
            rules.Violations(AssemblyReferences.Of(image)).Should().BeEmpty($"{library} is loaded in the shop's process");
        }
    }

    [Test]
    public void PackageShipsTheViewsFolder()
    {
        var views = PluginPackage.SourceViews();
        if (views.Count == 0)
            Assert.Inconclusive("The plugin has no views yet");
        using var zip = ZipFile.OpenRead(PluginPackage.EnsureFresh());

        zip.Entries.Should().Contain(entry => entry.FullName.StartsWith(PREFIX + "Views/", StringComparison.Ordinal));
    }

    [Test]
    public void InspectorAcceptsAWellFormedPackage()
    {
        using var zip = CraftZip(new Dictionary<string, string>
        {
            [PREFIX + "plugin.json"] = VALID_DESCRIPTOR,
            [PREFIX + RepositoryPaths.PLUGIN_DLL] = "dll",
            [PREFIX + "logo.png"] = "png",
            [PREFIX + "Views/Configure.cshtml"] = "view"
        });

        PluginPackageInspector.Problems(zip, ["Configure.cshtml"]).Should().BeEmpty();
    }

    [Test]
    public void InspectorRejectsShopAssembliesWrongLayoutAndDescriptor()
    {
        using var zip = CraftZip(new Dictionary<string, string>
        {
            [PREFIX + "plugin.json"] = VALID_DESCRIPTOR.Replace("\"4.90\"", "\"4.80\"").Replace("\"Misc\"", "\"Widgets\""),
            [PREFIX + RepositoryPaths.PLUGIN_DLL] = "dll",
            [PREFIX + "FluentMigrator.dll"] = "dll",
            [PREFIX + "Nop.Core.dll"] = "dll",
            [PREFIX + "linq2db.dll"] = "dll",
            ["Other/readme.txt"] = "text"
        });

        var problems = PluginPackageInspector.Problems(zip, ["Configure.cshtml"]);

        problems.Should().Contain(problem => problem.Contains("FluentMigrator.dll"));
        problems.Should().Contain(problem => problem.Contains("Nop.Core.dll"));
        problems.Should().Contain(problem => problem.Contains("linq2db.dll"));
        problems.Should().Contain(problem => problem.Contains("top folder"));
        problems.Should().Contain(problem => problem.Contains("logo.png"));
        problems.Should().Contain(problem => problem.Contains("SupportedVersions"));
        problems.Should().Contain(problem => problem.Contains("Group"));
        problems.Should().Contain(problem => problem.Contains("Configure.cshtml"));
        problems.Should().HaveCount(8);
    }

    [Test]
    public void InspectorRejectsAPackageWithoutDescriptor()
    {
        using var zip = CraftZip(new Dictionary<string, string> { [PREFIX + "logo.png"] = "png" });

        PluginPackageInspector.Problems(zip, []).Should().ContainSingle(problem => problem.Contains("plugin.json is missing"));
    }

    private static ZipArchive CraftZip(IReadOnlyDictionary<string, string> files)
    {
        var buffer = new MemoryStream();
        using (var writer = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                using var stream = writer.CreateEntry(path).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        buffer.Position = 0;
        return new ZipArchive(buffer, ZipArchiveMode.Read);
    }
}
