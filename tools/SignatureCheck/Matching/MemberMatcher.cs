using Microsoft.CodeAnalysis;
using SignatureCheck.Comparison;

namespace SignatureCheck.Matching;

/// <summary>Finds the real member a surface member stands for: the same signature if there is one, else the closest overload.</summary>
public static class MemberMatcher
{
    /// <param name="exact">True when names, parameter types and ref kinds all agree.</param>
    public static ISymbol Find(INamedTypeSymbol realType, ISymbol surface, out bool exact)
    {
        var candidates = realType.GetMembers(surface.Name)
            .Where(member => SameKind(member, surface))
            .ToList();

        var best = candidates.FirstOrDefault(c => SameParameters(c, surface));
        exact = best != null;
        if (best != null || candidates.Count == 0)
        {
            return best;
        }

        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        // Several overloads, none identical: compare against the one that agrees most.
        var surfaceParameters = Parameters(surface);
        return candidates
            .OrderByDescending(c => Parameters(c).Length == surfaceParameters.Length)
            .ThenByDescending(c => Parameters(c).Zip(surfaceParameters, (r, s) => SameParameter(r, s) ? 1 : 0).Sum())
            .First();
    }

    public static IEnumerable<ISymbol> Overloads(INamedTypeSymbol realType, ISymbol surface)
    {
        return realType.GetMembers(surface.Name).Where(member => SameKind(member, surface));
    }

    /// <summary>A real base type (not the type itself) that declares a member with the surface member's signature.</summary>
    public static ISymbol FindOnBaseTypes(INamedTypeSymbol realType, ISymbol surface)
    {
        for (var type = realType.BaseType; type != null; type = type.BaseType)
        {
            var found = type.GetMembers(surface.Name).FirstOrDefault(c => SameKind(c, surface) && SameParameters(c, surface));
            if (found != null)
            {
                return found;
            }
        }

        return realType.TypeKind == TypeKind.Interface
            ? realType.AllInterfaces.SelectMany(i => i.GetMembers(surface.Name)).FirstOrDefault(c => SameKind(c, surface) && SameParameters(c, surface))
            : null;
    }

    private static bool SameKind(ISymbol real, ISymbol surface)
    {
        if (real.Kind != surface.Kind)
        {
            return false;
        }

        return real is not IMethodSymbol realMethod || surface is not IMethodSymbol surfaceMethod
            || realMethod.MethodKind == surfaceMethod.MethodKind;
    }

    private static bool SameParameters(ISymbol real, ISymbol surface)
    {
        var realParameters = Parameters(real);
        var surfaceParameters = Parameters(surface);
        if (realParameters.Length != surfaceParameters.Length || Arity(real) != Arity(surface))
        {
            return false;
        }

        var sameReturn = real is not IMethodSymbol { MethodKind: MethodKind.Conversion } realConversion
            || TypeText.Of(realConversion.ReturnType).Matches(TypeText.Of(((IMethodSymbol)surface).ReturnType));

        return sameReturn && realParameters.Zip(surfaceParameters, SameParameter).All(same => same);
    }

    private static bool SameParameter(IParameterSymbol real, IParameterSymbol surface)
    {
        return real.RefKind == surface.RefKind && ParameterType(real).Matches(ParameterType(surface));
    }

    private static TypeText ParameterType(IParameterSymbol parameter)
    {
        return TypeText.Of(parameter.Type, methodTypeParametersByPosition: true);
    }

    private static int Arity(ISymbol symbol)
    {
        return symbol is IMethodSymbol method ? method.Arity : 0;
    }

    private static System.Collections.Immutable.ImmutableArray<IParameterSymbol> Parameters(ISymbol symbol)
    {
        return symbol switch
        {
            IMethodSymbol method => method.Parameters,
            IPropertySymbol property => property.Parameters,
            _ => System.Collections.Immutable.ImmutableArray<IParameterSymbol>.Empty
        };
    }
}
