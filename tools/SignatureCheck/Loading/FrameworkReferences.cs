using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace SignatureCheck.Loading;

/// <summary>Reference assemblies of the .NET and ASP.NET Core shared frameworks (9.0 from the NuGet cache if restored, else the SDK's packs).</summary>
public static class FrameworkReferences
{
    private const string PREFERRED_MAJOR = "9.";

    private static readonly string[] _packs = ["Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref"];

    public static IReadOnlyList<MetadataReference> Load(out string description)
    {
        var folders = _packs.Select(FindPackFolder).Where(folder => folder != null).ToList();
        description = string.Join(", ", folders);

        return folders
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.dll"))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(group => (MetadataReference)MetadataReference.CreateFromFile(group.First()))
            .ToList();
    }

    private static string FindPackFolder(string pack)
    {
        var nugetRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var fromNuget = RefFolder(Path.Combine(nugetRoot, pack.ToLowerInvariant()), PREFERRED_MAJOR);
        if (fromNuget != null)
        {
            return fromNuget;
        }

        var packsRoot = Path.Combine(DotnetRoot(), "packs", pack);
        return RefFolder(packsRoot, PREFERRED_MAJOR) ?? RefFolder(packsRoot, string.Empty);
    }

    private static string RefFolder(string packRoot, string versionPrefix)
    {
        if (!Directory.Exists(packRoot))
        {
            return null;
        }

        var version = Directory.GetDirectories(packRoot)
            .Where(dir => Path.GetFileName(dir).StartsWith(versionPrefix, StringComparison.Ordinal))
            .OrderByDescending(dir => Version.TryParse(Path.GetFileName(dir).Split('-')[0], out var v) ? v : new Version())
            .FirstOrDefault();
        var refRoot = version == null ? null : Path.Combine(version, "ref");

        return refRoot != null && Directory.Exists(refRoot)
            ? Directory.GetDirectories(refRoot).OrderByDescending(dir => dir, StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    private static string DotnetRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        return Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
    }
}
