using System.Reflection;

namespace Nop.Plugin.Misc.Personalization.Tests.Guards;

/// <summary>The assemblies (and versions) of the .NET 9 and ASP.NET Core 9 shared frameworks, read from their reference packs.</summary>
public static class SharedFrameworkReferencePacks
{
    private const string TARGET = "net9.0";
    private const int MAJOR = 9;

    private static readonly string[] _packs = ["Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref"];

    public static IReadOnlyDictionary<string, Version> Net9Assemblies()
    {
        var assemblies = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
        foreach (var pack in _packs)
        {
            var folder = FindPack(pack)
                ?? throw new DirectoryNotFoundException($"{pack} {MAJOR}.x not found in the NuGet cache or the dotnet packs folder");
            foreach (var file in Directory.EnumerateFiles(folder, "*.dll"))
            {
                var name = AssemblyName.GetAssemblyName(file);
                assemblies[name.Name] = name.Version;
            }
        }

        return assemblies;
    }

    private static string FindPack(string pack) =>
        PackRoots(pack)
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories)
            .Select(versionFolder => (Version: Version.TryParse(Path.GetFileName(versionFolder).Split('-')[0], out var v) ? v : null, Folder: Path.Combine(versionFolder, "ref", TARGET)))
            .Where(candidate => candidate.Version?.Major == MAJOR && Directory.Exists(candidate.Folder))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Folder)
            .FirstOrDefault();

    private static IEnumerable<string> PackRoots(string pack)
    {
        var nugetRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(nugetRoot))
            nugetRoot = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        yield return Path.Combine(nugetRoot, pack.ToLowerInvariant());
        // typeof(object) lives in <dotnet>/shared/Microsoft.NETCore.App/<version>/
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location), "..", "..", ".."));
        yield return Path.Combine(dotnetRoot, "packs", pack);
    }
}
