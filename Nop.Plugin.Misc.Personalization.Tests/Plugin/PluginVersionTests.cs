using System.Reflection;
using System.Text.Json;
using Nop.Plugin.Misc.Personalization.Tests.Guards;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Plugin;

/// <summary>
/// nopCommerce runs update migrations and UpdateAsync from plugin.json's version; the dll's own version must say the
/// same, or an owner comparing the two cannot tell which build is installed.
/// </summary>
[TestFixture]
public class PluginVersionTests
{
    [Test]
    public void TheBuiltDllCarriesThePluginJsonVersion()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "plugin.json")));
        var declared = manifest.RootElement.GetProperty("Version").GetString();

        var built = AssemblyName.GetAssemblyName(RepositoryPaths.PluginDll()).Version;

        built.Should().NotBeNull();
        $"{built!.Major}.{built.Minor}.{built.Build}".Should().Be(declared);
    }
}
