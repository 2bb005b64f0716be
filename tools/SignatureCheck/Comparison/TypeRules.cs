using Microsoft.CodeAnalysis;
using SignatureCheck.Matching;

namespace SignatureCheck.Comparison;

/// <summary>Compares a surface type with its real counterpart, then each of its visible members.</summary>
public static class TypeRules
{
    private const string SETTINGS_INTERFACE = "Nop.Core.Configuration.ISettings";

    /// <returns>How many members were compared.</returns>
    public static int Compare(INamedTypeSymbol surface, INamedTypeSymbol real, Findings findings)
    {
        findings.Compare(Rule.Kind, surface, real, "kind differs", SymbolText.Kind(surface), SymbolText.Kind(real));
        findings.Compare(Rule.Accessibility, surface, real, "accessibility differs", Modifiers.Accessibility(surface), Modifiers.Accessibility(real));
        findings.Compare(Rule.Modifiers, surface, real, "modifiers differ", Modifiers.OfType(surface), Modifiers.OfType(real));
        TypeParameterRules.Compare(surface, real, surface.TypeParameters, real.TypeParameters, findings);
        CompareBaseType(surface, real, findings);
        CompareInterfaces(surface, real, findings);
        CheckSettingsConstructor(surface, findings);

        switch (surface.TypeKind)
        {
            case TypeKind.Enum:
                return EnumRules.Compare(surface, real, findings);
            case TypeKind.Delegate:
                if (surface.DelegateInvokeMethod != null && real.DelegateInvokeMethod != null)
                {
                    MemberRules.CompareMethod(surface.DelegateInvokeMethod, real.DelegateInvokeMethod, findings);
                }

                return 1;
            default:
                return CompareMembers(surface, real, findings);
        }
    }

    private static int CompareMembers(INamedTypeSymbol surface, INamedTypeSymbol real, Findings findings)
    {
        var matched = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var compared = 0;
        foreach (var member in surface.GetMembers().Where(IsComparedMember))
        {
            compared++;
            var realMember = MemberMatcher.Find(real, member, out _);
            if (realMember != null)
            {
                matched.Add(realMember);
                MemberRules.Compare(member, realMember, findings);
                continue;
            }

            ReportMissing(member, real, findings);
        }

        ReportUndeclared(surface, real, matched, findings);
        return compared;
    }

    private static void ReportMissing(ISymbol member, INamedTypeSymbol real, Findings findings)
    {
        var onBase = MemberMatcher.FindOnBaseTypes(real, member);
        if (onBase != null)
        {
            findings.Add(Rule.DeclaredOnBaseType, member, onBase, "declared on a base type in the real source, not on this type",
                SymbolText.Name(member.ContainingType), SymbolText.Name(onBase.ContainingType));
            return;
        }

        var overloads = MemberMatcher.Overloads(real, member).Select(SymbolText.Declaration).ToList();
        var what = member.IsImplicitlyDeclared
            ? "implicit parameterless constructor has no real counterpart (declare the real constructors)"
            : "no such member in the real type";
        findings.Add(Rule.MissingMember, member, real, what, SymbolText.Declaration(member),
            overloads.Count == 0 ? "(none)" : string.Join(" | ", overloads));
    }

    // A plugin class implementing a surface interface, or deriving from a surface abstract class, must implement
    // every abstract member of the real one, or the shop fails to load it.
    private static void ReportUndeclared(INamedTypeSymbol surface, INamedTypeSymbol real, HashSet<ISymbol> matched, Findings findings)
    {
        var isInterface = real.TypeKind == TypeKind.Interface;
        if (!isInterface && !(real.IsAbstract && !real.IsSealed && !real.IsStatic))
        {
            return;
        }

        var rule = isInterface ? Rule.MissingInterfaceMember : Rule.MissingAbstractMember;
        var what = isInterface ? "interface member missing from the surface" : "abstract member missing from the surface";
        foreach (var member in real.GetMembers().Where(m => m.IsAbstract && !m.IsImplicitlyDeclared && !IsAccessor(m) && !matched.Contains(m)))
        {
            findings.Add(rule, surface, member, what, "(none)", SymbolText.Declaration(member));
        }
    }

    private static void CompareBaseType(INamedTypeSymbol surface, INamedTypeSymbol real, Findings findings)
    {
        if (surface.TypeKind != TypeKind.Class || real.TypeKind != TypeKind.Class)
        {
            return;
        }

        findings.Compare(Rule.BaseType, surface, real, "base type differs", TypeText.Of(surface.BaseType), TypeText.Of(real.BaseType));
    }

    private static void CompareInterfaces(INamedTypeSymbol surface, INamedTypeSymbol real, Findings findings)
    {
        var surfaceInterfaces = surface.Interfaces.Select(i => TypeText.Of(i)).ToList();
        var realInterfaces = real.Interfaces.Select(i => TypeText.Of(i)).ToList();
        var missing = realInterfaces.Where(r => !surfaceInterfaces.Any(s => s.Matches(r))).ToList();
        var extra = surfaceInterfaces.Where(s => !realInterfaces.Any(r => r.Matches(s))).ToList();
        if (missing.Count == 0 && extra.Count == 0)
        {
            return;
        }

        var what = (missing.Count > 0 ? "missing " + string.Join(", ", missing) : string.Empty)
            + (missing.Count > 0 && extra.Count > 0 ? "; " : string.Empty)
            + (extra.Count > 0 ? "not in real: " + string.Join(", ", extra) : string.Empty);
        findings.Add(Rule.Interfaces, surface, real, "declared interfaces differ: " + what, List(surfaceInterfaces), List(realInterfaces));
    }

    // nopCommerce creates settings through a public parameterless constructor (and the plugin may too).
    private static void CheckSettingsConstructor(INamedTypeSymbol surface, Findings findings)
    {
        if (surface.TypeKind != TypeKind.Class || surface.IsAbstract
            || !surface.AllInterfaces.Any(i => TypeText.Of(i).Qualified == SETTINGS_INTERFACE))
        {
            return;
        }

        if (!surface.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public))
        {
            findings.Add(Rule.SettingsConstructor, surface, null, "settings class without a public parameterless constructor",
                string.Join(" | ", surface.InstanceConstructors.Select(SymbolText.Declaration)), "public " + surface.Name + "()");
        }
    }

    private static bool IsComparedMember(ISymbol member)
    {
        if (member is INamedTypeSymbol || !Modifiers.IsVisible(member))
        {
            return false;
        }

        if (member is IMethodSymbol method)
        {
            if (method.MethodKind is MethodKind.StaticConstructor or MethodKind.Destructor || IsAccessor(method))
            {
                return false;
            }

            // The implicit constructor of a class is a promise too: the plugin may call it.
            if (method.IsImplicitlyDeclared)
            {
                return method.MethodKind == MethodKind.Constructor && method.ContainingType.TypeKind == TypeKind.Class
                    && !method.ContainingType.IsRecord && method.Parameters.Length == 0;
            }
        }

        return !member.IsImplicitlyDeclared;
    }

    private static bool IsAccessor(ISymbol member)
    {
        return member is IMethodSymbol
        {
            MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise
        };
    }

    private static string List(IReadOnlyCollection<TypeText> types)
    {
        return types.Count == 0 ? "(none)" : string.Join(", ", types);
    }
}
