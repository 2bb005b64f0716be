using Microsoft.CodeAnalysis;

namespace SignatureCheck.Comparison;

/// <summary>Compares one surface member with the real member it stands for.</summary>
public static class MemberRules
{
    public static void Compare(ISymbol surface, ISymbol real, Findings findings)
    {
        findings.Compare(Rule.Kind, surface, real, "kind differs", SymbolText.Kind(surface), SymbolText.Kind(real));
        findings.Compare(Rule.Accessibility, surface, real, "accessibility differs", Modifiers.Accessibility(surface), Modifiers.Accessibility(real));
        findings.Compare(Rule.Modifiers, surface, real, "modifiers differ", Modifiers.OfMember(surface), Modifiers.OfMember(real));

        switch (surface, real)
        {
            case (IMethodSymbol surfaceMethod, IMethodSymbol realMethod):
                CompareMethod(surfaceMethod, realMethod, findings);
                break;
            case (IPropertySymbol surfaceProperty, IPropertySymbol realProperty):
                findings.Compare(Rule.ReturnType, surface, real, "type differs", TypeText.Of(surfaceProperty.Type), TypeText.Of(realProperty.Type));
                findings.Compare(Rule.Accessors, surface, real, "accessors differ", Modifiers.Accessors(surfaceProperty), Modifiers.Accessors(realProperty));
                CompareParameters(surface, real, surfaceProperty.Parameters, realProperty.Parameters, findings);
                break;
            case (IFieldSymbol surfaceField, IFieldSymbol realField):
                findings.Compare(Rule.ReturnType, surface, real, "type differs", TypeText.Of(surfaceField.Type), TypeText.Of(realField.Type));
                var surfaceValue = ConstantText.OfField(surfaceField);
                var realValue = ConstantText.OfField(realField);
                if (surfaceValue.Key != realValue.Key)
                {
                    findings.Add(Rule.ConstantValue, surface, real, "constant value differs", surfaceValue.Display, realValue.Display);
                }

                break;
            case (IEventSymbol surfaceEvent, IEventSymbol realEvent):
                findings.Compare(Rule.ReturnType, surface, real, "type differs", TypeText.Of(surfaceEvent.Type), TypeText.Of(realEvent.Type));
                break;
        }
    }

    public static void CompareMethod(IMethodSymbol surface, IMethodSymbol real, Findings findings)
    {
        CompareType(Rule.ReturnType, surface, real, "return type differs", surface.ReturnType, real.ReturnType, findings);
        findings.Compare(Rule.ReturnType, surface, real, "return by reference differs", Modifiers.OfReturn(surface), Modifiers.OfReturn(real));
        TypeParameterRules.Compare(surface, real, surface.TypeParameters, real.TypeParameters, findings);
        CompareParameters(surface, real, surface.Parameters, real.Parameters, findings);
    }

    private static void CompareParameters(ISymbol surface, ISymbol real, IReadOnlyList<IParameterSymbol> surfaceParameters,
        IReadOnlyList<IParameterSymbol> realParameters, Findings findings)
    {
        if (surfaceParameters.Count != realParameters.Count)
        {
            findings.Add(Rule.ParameterType, surface, real, "parameter count differs", Signature(surfaceParameters), Signature(realParameters));
            return;
        }

        foreach (var (surfaceParameter, realParameter) in surfaceParameters.Zip(realParameters))
        {
            var position = $"parameter {surfaceParameter.Ordinal + 1} ({surfaceParameter.Name})";
            findings.Compare(Rule.ParameterName, surface, real, $"{position}: name differs", surfaceParameter.Name, realParameter.Name);
            CompareType(Rule.ParameterType, surface, real, $"{position}: type differs", surfaceParameter.Type, realParameter.Type, findings);
            findings.Compare(Rule.ParameterModifier, surface, real, $"{position}: modifiers differ", Modifiers.OfParameter(surfaceParameter), Modifiers.OfParameter(realParameter));
            if (!ConstantText.SameDefault(surfaceParameter, realParameter, out var surfaceDefault, out var realDefault))
            {
                findings.Add(Rule.DefaultValue, surface, real, $"{position}: default value differs", surfaceDefault.Display, realDefault.Display);
            }
        }
    }

    // A renamed method type parameter is reported once, as such, not again in every parameter that uses it.
    private static void CompareType(Rule rule, ISymbol surface, ISymbol real, string what, ITypeSymbol surfaceType, ITypeSymbol realType, Findings findings)
    {
        if (!TypeText.Of(surfaceType, methodTypeParametersByPosition: true).Matches(TypeText.Of(realType, methodTypeParametersByPosition: true)))
        {
            findings.Add(rule, surface, real, what, TypeText.Of(surfaceType).Qualified, TypeText.Of(realType).Qualified);
        }
    }

    private static string Signature(IEnumerable<IParameterSymbol> parameters)
    {
        return "(" + string.Join(", ", parameters.Select(p => TypeText.Of(p.Type).Simple + " " + p.Name)) + ")";
    }
}
