using System.Text.Json;

namespace Nop.Plugin.Misc.Personalization.Tests.Views;

/// <summary>
/// The .NET and ASP.NET Core reference assemblies the plugin itself was compiled against (net9.0, as the shop runs),
/// read from the plugin's restore output: which targeting packs it downloaded and where NuGet keeps them.
/// </summary>
public static class PluginTargetingPacks
{
    private static readonly string[] _packs = ["Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref"];

    public static IReadOnlyList<string> ReferenceAssemblies()
    {
        var assetsFile = Path.Combine(RepositoryFolders.Plugin, "obj", "project.assets.json");
        if (!File.Exists(assetsFile))
            throw new FileNotFoundException("Restore the plugin first; its targeting packs are found through this file", assetsFile);

        using var assets = JsonDocument.Parse(File.ReadAllText(assetsFile));
        var packageFolders = assets.RootElement.GetProperty("packageFolders").EnumerateObject().Select(folder => folder.Name).ToList();
        var framework = assets.RootElement.GetProperty("project").GetProperty("frameworks").EnumerateObject().Single();
        var downloads = framework.Value.TryGetProperty("downloadDependencies", out var list)
            ? list.EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString(), d => d.GetProperty("version").GetString().Trim('[', ']').Split(',')[0].Trim())
            : new Dictionary<string, string>();

        return _packs
            .SelectMany(pack => Directory.EnumerateFiles(PackFolder(pack, framework.Name, downloads, packageFolders), "*.dll"))
            .ToList();
    }

    private static string PackFolder(string pack, string targetFramework, Dictionary<string, string> downloads, List<string> packageFolders)
    {
        // a pack the SDK carries itself is not downloaded, and lives in the packs folder of the dotnet root
        var candidates = downloads.TryGetValue(pack, out var version)
            ? packageFolders.Select(folder => Path.Combine(folder, pack.ToLowerInvariant(), version, "ref", targetFramework))
            : SdkPackFolders(pack, targetFramework);

        return candidates.FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException($"Targeting pack {pack} {version} for {targetFramework} was not found");
    }

    private static IEnumerable<string> SdkPackFolders(string pack, string targetFramework)
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location), "..", "..", ".."));
        var versions = Path.Combine(dotnetRoot, "packs", pack);
        var prefix = targetFramework.Replace("net", string.Empty) + ".";
        if (!Directory.Exists(versions))
            return [];

        return Directory.EnumerateDirectories(versions)
            .Where(folder => Path.GetFileName(folder).StartsWith(prefix, StringComparison.Ordinal))
            .OrderByDescending(folder => Version.TryParse(Path.GetFileName(folder), out var parsed) ? parsed : new Version())
            .Select(folder => Path.Combine(folder, "ref", targetFramework));
    }
}
