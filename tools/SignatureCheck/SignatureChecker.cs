using Microsoft.CodeAnalysis;
using SignatureCheck.Comparison;
using SignatureCheck.Loading;
using SignatureCheck.Matching;

namespace SignatureCheck;

public sealed record CheckResult(IReadOnlyList<Mismatch> Mismatches, int TypesChecked, int MembersChecked, string Framework);

/// <summary>Compares every visible declaration of a compile surface with the real source tree it mirrors.</summary>
public static class SignatureChecker
{
    public static CheckResult Run(string realSourceRoot, string surfaceRoot)
    {
        var framework = FrameworkReferences.Load(out var frameworkDescription);
        var surface = TreeLoader.LoadSurface(surfaceRoot, framework);
        var real = TreeLoader.LoadReal(realSourceRoot, surface.Projects.Select(p => p.Name), framework);
        var index = new RealTypeIndex(real);
        var findings = new Findings();
        var types = 0;
        var members = 0;

        foreach (var project in surface.Projects)
        {
            var assembly = surface.Compilations[project.Name].Assembly;
            foreach (var type in RealTypeIndex.AllTypes(assembly.GlobalNamespace).Where(Modifiers.IsVisible))
            {
                types++;
                var realType = Locate(project.Name, type, index, findings);
                if (realType != null)
                {
                    members += TypeRules.Compare(type, realType, findings);
                }
            }
        }

        return new CheckResult(findings.Mismatches, types, members, frameworkDescription);
    }

    /// <summary>The real type to compare with; reports a wrong assembly or namespace on the way.</summary>
    private static INamedTypeSymbol Locate(string project, INamedTypeSymbol surface, RealTypeIndex index, Findings findings)
    {
        var real = index.Find(project, surface);
        if (real != null)
        {
            return real;
        }

        var elsewhere = index.FindInOtherProjects(project, surface).FirstOrDefault();
        if (elsewhere.Type != null)
        {
            findings.Add(Rule.Assembly, surface, elsewhere.Type, "declared in another assembly (move it to that surface project)", project, elsewhere.Project);
            return elsewhere.Type;
        }

        var candidates = index.FindBySimpleName(surface).Where(c => c.Type.TypeKind == surface.TypeKind).ToList();
        if (candidates.Count > 0)
        {
            var real1 = candidates[0];
            var namespaces = string.Join(" | ", candidates.Select(c => $"{Namespace(c.Type)} ({c.Project})"));
            findings.Add(Rule.Namespace, surface, real1.Type, "namespace differs", Namespace(surface), namespaces);
            if (candidates.Count == 1 && real1.Project != project)
            {
                findings.Add(Rule.Assembly, surface, real1.Type, "declared in another assembly (move it to that surface project)", project, real1.Project);
            }

            return candidates.Count == 1 ? real1.Type : null;
        }

        var where = index.HasProject(project) ? "no such type in the real source" : $"no real project named {project}";
        findings.Add(Rule.MissingType, surface, null, where, RealTypeIndex.MetadataName(surface), "(none)");
        return null;
    }

    private static string Namespace(INamedTypeSymbol type)
    {
        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "(global)";
    }
}
