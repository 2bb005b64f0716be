using System.Xml.Linq;

namespace SignatureCheck.Loading;

/// <summary>A C# project folder: its name (= assembly name), its .cs files and what its .csproj says.</summary>
public sealed record ProjectFolder(
    string Name,
    string Directory,
    IReadOnlyList<string> ProjectReferences,
    bool ImplicitUsings,
    bool IsWebSdk)
{
    private static readonly string[] _ignoredFolders = ["bin", "obj"];

    public static bool IsProject(string directory)
    {
        return File.Exists(CsprojPath(directory));
    }

    public static ProjectFolder Read(string directory)
    {
        var fullPath = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var csproj = XDocument.Load(CsprojPath(fullPath));
        var references = csproj.Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string)e.Attribute("Include"))
            .Where(include => !string.IsNullOrEmpty(include))
            .Select(include => Path.GetFileNameWithoutExtension(include.Replace('\\', '/')))
            .ToList();
        var sdk = (string)csproj.Root?.Attribute("Sdk") ?? string.Empty;

        return new ProjectFolder(
            Path.GetFileName(fullPath),
            fullPath,
            references,
            EnablesImplicitUsings(fullPath),
            sdk.Equals("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase));
    }

    public IEnumerable<string> SourceFiles()
    {
        return System.IO.Directory.EnumerateFiles(Directory, "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsInIgnoredFolder(file))
            .OrderBy(file => file, StringComparer.Ordinal);
    }

    private bool IsInIgnoredFolder(string file)
    {
        var relative = Path.GetRelativePath(Directory, file).Split(Path.DirectorySeparatorChar);
        return relative.Take(relative.Length - 1).Any(part => _ignoredFolders.Contains(part, StringComparer.OrdinalIgnoreCase));
    }

    private static string CsprojPath(string directory)
    {
        return Path.Combine(directory, Path.GetFileName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar)) + ".csproj");
    }

    // ImplicitUsings may come from the .csproj or any Directory.Build.props above it.
    private static bool EnablesImplicitUsings(string directory)
    {
        var candidates = new List<string> { CsprojPath(directory) };
        for (var folder = new DirectoryInfo(directory); folder != null; folder = folder.Parent)
        {
            candidates.Add(Path.Combine(folder.FullName, "Directory.Build.props"));
        }

        foreach (var file in candidates.Where(File.Exists))
        {
            var value = XDocument.Load(file).Descendants()
                .Where(e => e.Name.LocalName == "ImplicitUsings")
                .Select(e => e.Value.Trim())
                .LastOrDefault();
            if (value != null)
            {
                return value.Equals("enable", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }
}
