using Microsoft.CodeAnalysis;
using SignatureCheck.Loading;

namespace SignatureCheck.Matching;

/// <summary>Finds the real type for a surface type: same full name in the same project, else where it really lives.</summary>
public sealed class RealTypeIndex
{
    private readonly SourceTree _real;
    private readonly ILookup<string, (string Project, INamedTypeSymbol Type)> _bySimpleName;

    public RealTypeIndex(SourceTree real)
    {
        _real = real;
        _bySimpleName = real.Compilations
            .SelectMany(pair => AllTypes(pair.Value.Assembly.GlobalNamespace).Select(type => (Project: pair.Key, Type: type)))
            .ToLookup(entry => entry.Type.MetadataName, StringComparer.Ordinal);
    }

    public bool HasProject(string project)
    {
        return _real.Compilations.ContainsKey(project);
    }

    /// <summary>The real type with the surface type's full metadata name, in the given project.</summary>
    public INamedTypeSymbol Find(string project, INamedTypeSymbol surface)
    {
        return _real.Compilations.TryGetValue(project, out var compilation)
            ? compilation.Assembly.GetTypeByMetadataName(MetadataName(surface))
            : null;
    }

    /// <summary>Real types with the same full name in other projects.</summary>
    public IEnumerable<(string Project, INamedTypeSymbol Type)> FindInOtherProjects(string project, INamedTypeSymbol surface)
    {
        var name = MetadataName(surface);
        return _real.Compilations
            .Where(pair => pair.Key != project)
            .Select(pair => (Project: pair.Key, Type: pair.Value.Assembly.GetTypeByMetadataName(name)))
            .Where(entry => entry.Type != null);
    }

    /// <summary>Real types with the same simple name and arity anywhere (the surface may have the namespace wrong).</summary>
    public IEnumerable<(string Project, INamedTypeSymbol Type)> FindBySimpleName(INamedTypeSymbol surface)
    {
        return _bySimpleName[surface.MetadataName];
    }

    public static string MetadataName(INamedTypeSymbol type)
    {
        if (type.ContainingType != null)
        {
            return MetadataName(type.ContainingType) + "+" + type.MetadataName;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? ns.ToDisplayString() + "." + type.MetadataName
            : type.MetadataName;
    }

    public static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (var type in ns.GetTypeMembers().SelectMany(Nested))
        {
            yield return type;
        }

        foreach (var child in ns.GetNamespaceMembers())
        {
            foreach (var type in AllTypes(child))
            {
                yield return type;
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol type)
    {
        return new[] { type }.Concat(type.GetTypeMembers().SelectMany(Nested));
    }
}
