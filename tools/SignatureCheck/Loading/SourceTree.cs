using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SignatureCheck.Loading;

/// <summary>A set of projects compiled together: one compilation per project, referencing the projects it depends on.</summary>
public sealed class SourceTree
{
    private static readonly string[] _implicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"
    ];

    private static readonly string[] _webImplicitUsings =
    [
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging"
    ];

    private SourceTree(string root, IReadOnlyList<ProjectFolder> projects, IReadOnlyDictionary<string, CSharpCompilation> compilations)
    {
        Root = root;
        Projects = projects;
        Compilations = compilations;
    }

    public string Root { get; }

    /// <summary>Projects in dependency order.</summary>
    public IReadOnlyList<ProjectFolder> Projects { get; }

    public IReadOnlyDictionary<string, CSharpCompilation> Compilations { get; }

    public static SourceTree Build(string root, IEnumerable<ProjectFolder> projects, IReadOnlyList<MetadataReference> framework)
    {
        var ordered = DependencyOrder(projects.ToList());
        var compilations = new Dictionary<string, CSharpCompilation>(StringComparer.Ordinal);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        foreach (var project in ordered)
        {
            var trees = project.SourceFiles()
                .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), parseOptions, file))
                .ToList();
            if (project.ImplicitUsings)
            {
                trees.Add(GlobalUsings(project, parseOptions));
            }

            var references = framework.Concat(TransitiveReferences(project, ordered)
                .Where(compilations.ContainsKey)
                .Select(name => compilations[name].ToMetadataReference()));

            compilations[project.Name] = CSharpCompilation.Create(
                project.Name,
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        }

        return new SourceTree(Path.GetFullPath(root), ordered, compilations);
    }

    private static SyntaxTree GlobalUsings(ProjectFolder project, CSharpParseOptions options)
    {
        var namespaces = project.IsWebSdk ? _implicitUsings.Concat(_webImplicitUsings) : _implicitUsings;
        var text = string.Concat(namespaces.Select(ns => $"global using global::{ns};\n"));
        return CSharpSyntaxTree.ParseText(text, options, Path.Combine(project.Directory, "obj", "ImplicitUsings.g.cs"));
    }

    // A project sees the projects it references and, like MSBuild, their references too.
    private static IEnumerable<string> TransitiveReferences(ProjectFolder project, IReadOnlyList<ProjectFolder> all)
    {
        var byName = all.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(project.ProjectReferences);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (seen.Add(name) && byName.TryGetValue(name, out var referenced))
            {
                foreach (var next in referenced.ProjectReferences)
                {
                    pending.Push(next);
                }
            }
        }

        return seen;
    }

    private static List<ProjectFolder> DependencyOrder(List<ProjectFolder> projects)
    {
        var byName = projects.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var ordered = new List<ProjectFolder>();
        var visited = new HashSet<string>(StringComparer.Ordinal);

        void Visit(ProjectFolder project)
        {
            if (!visited.Add(project.Name))
            {
                return;
            }

            foreach (var reference in project.ProjectReferences.Where(byName.ContainsKey))
            {
                Visit(byName[reference]);
            }

            ordered.Add(project);
        }

        foreach (var project in projects.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            Visit(project);
        }

        return ordered;
    }
}
