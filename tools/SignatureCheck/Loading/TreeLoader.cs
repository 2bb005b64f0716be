using Microsoft.CodeAnalysis;

namespace SignatureCheck.Loading;

/// <summary>Finds the projects of the surface (one folder per assembly) and of the real source tree, and compiles both.</summary>
public static class TreeLoader
{
    public static SourceTree LoadSurface(string surfaceRoot, IReadOnlyList<MetadataReference> framework)
    {
        //only nopCommerce's own assemblies: third-party surfaces (FluentMigrator) live beside them and are link-checked instead
        var projects = Directory.GetDirectories(surfaceRoot)
            .Where(ProjectFolder.IsProject)
            .Where(folder => Path.GetFileName(folder).StartsWith("Nop.", StringComparison.Ordinal))
            .Select(ProjectFolder.Read)
            .ToList();

        return SourceTree.Build(surfaceRoot, projects, framework);
    }

    /// <summary>Loads the real projects named like the surface's, plus everything they reference.</summary>
    public static SourceTree LoadReal(string sourceRoot, IEnumerable<string> projectNames, IReadOnlyList<MetadataReference> framework)
    {
        var projects = new Dictionary<string, ProjectFolder>(StringComparer.Ordinal);
        var pending = new Queue<string>(projectNames);
        while (pending.Count > 0)
        {
            var name = pending.Dequeue();
            if (projects.ContainsKey(name))
            {
                continue;
            }

            var folder = FindProjectFolder(sourceRoot, name);
            if (folder == null)
            {
                continue;
            }

            var project = ProjectFolder.Read(folder);
            projects[name] = project;
            foreach (var reference in project.ProjectReferences)
            {
                pending.Enqueue(reference);
            }
        }

        return SourceTree.Build(sourceRoot, projects.Values, framework);
    }

    // nopCommerce keeps projects under src/Libraries and src/Presentation; accept the project at depth one or two.
    private static string FindProjectFolder(string sourceRoot, string name)
    {
        var direct = Path.Combine(sourceRoot, name);
        if (ProjectFolder.IsProject(direct))
        {
            return direct;
        }

        return Directory.GetDirectories(sourceRoot)
            .Select(group => Path.Combine(group, name))
            .Where(ProjectFolder.IsProject)
            .OrderBy(path => path, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
