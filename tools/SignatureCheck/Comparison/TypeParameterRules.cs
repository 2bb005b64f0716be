using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SignatureCheck.Comparison;

/// <summary>Generic parameters of a type or method: count, names, variance and constraints.</summary>
public static class TypeParameterRules
{
    public static void Compare(ISymbol surface, ISymbol real, ImmutableArray<ITypeParameterSymbol> surfaceParameters,
        ImmutableArray<ITypeParameterSymbol> realParameters, Findings findings)
    {
        if (surfaceParameters.Length != realParameters.Length)
        {
            findings.Add(Rule.GenericParameters, surface, real, "generic parameter count differs", List(surfaceParameters), List(realParameters));
            return;
        }

        findings.Compare(Rule.GenericParameters, surface, real, "generic parameters differ", List(surfaceParameters), List(realParameters));

        foreach (var (surfaceParameter, realParameter) in surfaceParameters.Zip(realParameters))
        {
            var what = $"constraints on {surfaceParameter.Name} differ";
            findings.Compare(Rule.GenericConstraints, surface, real, what, Flags(surfaceParameter), Flags(realParameter));
            if (!ConstraintTypes(surfaceParameter, byPosition: true).Matches(ConstraintTypes(realParameter, byPosition: true)))
            {
                findings.Add(Rule.GenericConstraints, surface, real, what, ConstraintTypes(surfaceParameter, false).Qualified,
                    ConstraintTypes(realParameter, false).Qualified);
            }
        }
    }

    private static string List(ImmutableArray<ITypeParameterSymbol> parameters)
    {
        return "<" + string.Join(", ", parameters.Select(p => Variance(p) + p.Name)) + ">";
    }

    private static string Variance(ITypeParameterSymbol parameter)
    {
        return parameter.Variance switch
        {
            VarianceKind.In => "in ",
            VarianceKind.Out => "out ",
            _ => string.Empty
        };
    }

    private static string Flags(ITypeParameterSymbol parameter)
    {
        var flags = new List<string>();
        if (parameter.HasReferenceTypeConstraint)
        {
            flags.Add("class");
        }

        if (parameter.HasUnmanagedTypeConstraint)
        {
            flags.Add("unmanaged");
        }
        else if (parameter.HasValueTypeConstraint)
        {
            flags.Add("struct");
        }

        if (parameter.HasNotNullConstraint)
        {
            flags.Add("notnull");
        }

        if (parameter.HasConstructorConstraint)
        {
            flags.Add("new()");
        }

        if (parameter.AllowsRefLikeType)
        {
            flags.Add("allows ref struct");
        }

        return flags.Count == 0 ? "(none)" : string.Join(", ", flags);
    }

    private static TypeText ConstraintTypes(ITypeParameterSymbol parameter, bool byPosition)
    {
        var types = parameter.ConstraintTypes.Select(type => TypeText.Of(type, byPosition)).OrderBy(text => text.Simple, StringComparer.Ordinal).ToList();
        return types.Count == 0 ? TypeText.Empty with { Qualified = "(none)", Simple = "(none)" } : TypeText.Join(", ", types);
    }
}
